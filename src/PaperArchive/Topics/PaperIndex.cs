using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// An in-memory Lucene index of the papers, built once per analysis. Each document carries its
/// paper's position in the id-sorted list as a doc value, so results never depend on Lucene's doc ids,
/// which differ between runs when documents are added from several threads.
/// </summary>
internal sealed class PaperIndex : IDisposable
{
    private readonly RAMDirectory _directory;
    private readonly int[] _docToOrdinal;

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public TopicIndexAnalyzer Analyzer { get; }

    public PaperIndex(IReadOnlyList<Paper> papers, IReadOnlyList<string> keywordText, int threads)
    {
        Analyzer = new TopicIndexAnalyzer();
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(TopicTextAnalysis.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            // Adding documents is thread-safe and the costliest step; each thread fills its own segment.
            // Partitioner.Create refuses an empty range: an archive without papers (days only) crashed here.
            if (papers.Count > 0)
            {
                Parallel.ForEach(
                    System.Collections.Concurrent.Partitioner.Create(0, papers.Count, Math.Max(256, papers.Count / (threads * 4) + 1)),
                    new ParallelOptions { MaxDegreeOfParallelism = threads },
                    range =>
                    {
                        for (var i = range.Item1; i < range.Item2; i++)
                        {
                            writer.AddDocument(ToDocument(papers[i], keywordText[i], i));
                        }
                    });
            }
            writer.Commit();
        }
        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader);

        _docToOrdinal = new int[Reader.MaxDoc];
        var ordinals = MultiDocValues.GetNumericValues(Reader, TopicFields.Ordinal);
        for (var doc = 0; doc < Reader.MaxDoc; doc++)
        {
            _docToOrdinal[doc] = (int)ordinals.Get(doc);
        }
    }

    /// <summary>Position in the id-sorted paper list of the paper with (top-level) Lucene doc id <paramref name="doc"/>.</summary>
    public int Ordinal(int doc) => _docToOrdinal[doc];

    private static Document ToDocument(Paper paper, string keywords, int ordinal)
    {
        var abstractText = paper.Abstract ?? "";
        var doc = new Document
        {
            new TextField(TopicFields.Title, paper.Title, Field.Store.NO),
            new TextField(TopicFields.Abstract, abstractText, Field.Store.NO),
            new TextField(TopicFields.Keywords, keywords, Field.Store.NO),
            new NumericDocValuesField(TopicFields.Ordinal, ordinal),
        };
        foreach (var author in paper.Authors)
        {
            doc.Add(new TextField(TopicFields.Authors, author.Name, Field.Store.NO));
        }
        if (paper.Organization is { Length: > 0 } org)
        {
            doc.Add(new TextField(TopicFields.Organization, org, Field.Store.NO));
        }
        if (paper.OrganizationHandle is { Length: > 0 } handle)
        {
            doc.Add(new TextField(TopicFields.Organization, handle, Field.Store.NO));
        }
        return doc;
    }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
