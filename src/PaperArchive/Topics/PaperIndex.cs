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

    /// <summary>
    /// Indexes the papers at <paramref name="which"/> (positions in <paramref name="papers"/>; all of them
    /// when null) and fills <paramref name="similarityTerms"/> at those positions with each paper's
    /// similarity terms (<see cref="PaperTermAnalysis.SimilarityTerms"/>), from the same single analysis.
    /// </summary>
    public PaperIndex(IReadOnlyList<Paper> papers, IReadOnlyList<string> keywordText, IReadOnlyList<int>? which, int threads, (string Term, int Frequency)[][] similarityTerms)
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
        var count = which?.Count ?? papers.Count;
        using (var writer = new IndexWriter(_directory, config))
        {
            // Adding documents is thread-safe and the costliest step; each thread fills its own segment.
            // Partitioner.Create refuses an empty range: an archive without papers (days only) crashed here.
            if (count > 0)
            {
                Parallel.ForEach(
                    System.Collections.Concurrent.Partitioner.Create(0, count, Math.Max(256, count / (threads * 4) + 1)),
                    new ParallelOptions { MaxDegreeOfParallelism = threads },
                    () => new Worker(),
                    (range, _, worker) =>
                    {
                        for (var k = range.Item1; k < range.Item2; k++)
                        {
                            var i = which is null ? k : which[k];
                            var paper = papers[i];
                            // Title, keywords, abstract: PaperTermAnalysis.SimilarityFields order.
                            worker.Analysis.Analyze(TopicFields.Title, paper.Title, worker.Fields[0]);
                            worker.Analysis.Analyze(TopicFields.Keywords, keywordText[i], worker.Fields[1]);
                            worker.Analysis.Analyze(TopicFields.Abstract, paper.Abstract ?? "", worker.Fields[2]);
                            similarityTerms[i] = PaperTermAnalysis.SimilarityTerms(worker.Fields);
                            writer.AddDocument(ToDocument(paper, worker, i));
                        }
                        return worker;
                    },
                    worker => worker.Analysis.Dispose());
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

    /// <summary>Title, abstract and keywords from the tokens the worker already analysed (title, keywords, abstract); names analysed by the index analyzer.</summary>
    private static Document ToDocument(Paper paper, Worker worker, int ordinal)
    {
        var doc = new Document
        {
            new TextField(TopicFields.Title, worker.Streams[0].Replay(worker.Fields[0])),
            new TextField(TopicFields.Abstract, worker.Streams[2].Replay(worker.Fields[2])),
            new TextField(TopicFields.Keywords, worker.Streams[1].Replay(worker.Fields[1])),
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

    private sealed class Worker
    {
        public PaperTermAnalysis Analysis { get; } = new();

        public List<(string Term, int Increment)>[] Fields { get; } = [[], [], []];

        public RecordedTokenStream[] Streams { get; } = [new(), new(), new()];
    }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
