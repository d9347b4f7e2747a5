using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>
/// An in-memory Lucene index of the papers, built once per analysis. Documents are added in
/// <paramref name="papers"/> order by one thread, and each carries its position as a doc value, so
/// results never depend on Lucene's internal doc ids or segment merges.
/// </summary>
internal sealed class PaperIndex : IDisposable
{
    private readonly RAMDirectory _directory;
    private readonly int[] _docToOrdinal;

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public TopicIndexAnalyzer Analyzer { get; }

    /// <summary>Lucene doc id of paper i.</summary>
    public int[] OrdinalToDoc { get; }

    public PaperIndex(IReadOnlyList<Paper> papers, IReadOnlyList<string> keywordText)
    {
        Analyzer = new TopicIndexAnalyzer();
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(TopicTextAnalysis.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 128,
            Similarity = new BM25Similarity(),
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < papers.Count; i++)
            {
                writer.AddDocument(ToDocument(papers[i], keywordText[i], i));
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader) { Similarity = new BM25Similarity() };

        _docToOrdinal = new int[Reader.MaxDoc];
        OrdinalToDoc = new int[papers.Count];
        var ordinals = MultiDocValues.GetNumericValues(Reader, TopicFields.Ordinal);
        for (var doc = 0; doc < Reader.MaxDoc; doc++)
        {
            var ordinal = (int)ordinals.Get(doc);
            _docToOrdinal[doc] = ordinal;
            OrdinalToDoc[ordinal] = doc;
        }
    }

    public int Ordinal(int doc) => _docToOrdinal[doc];

    private static readonly FieldType Shadow = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    private static readonly FieldType SimilarText = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
        StoreTermVectors = true,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static Document ToDocument(Paper paper, string keywords, int ordinal)
    {
        var abstractText = paper.Abstract ?? "";
        var doc = new Document
        {
            new TextField(TopicFields.Title, paper.Title, Field.Store.NO),
            new Field(TopicFields.Surface(TopicFields.Title), paper.Title, Shadow),
            new TextField(TopicFields.Abstract, abstractText, Field.Store.NO),
            new Field(TopicFields.Surface(TopicFields.Abstract), abstractText, Shadow),
            new TextField(TopicFields.Keywords, keywords, Field.Store.NO),
            new Field(TopicFields.Surface(TopicFields.Keywords), keywords, Shadow),
            // The title counts twice: it is the densest statement of what a paper is about.
            new Field(TopicFields.Similar, paper.Title + "\n" + paper.Title + "\n" + keywords + "\n" + abstractText, SimilarText),
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
