using FsCheck.Xunit;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

/// <summary>
/// The topics stage's per-paper cache (<see cref="TopicAnalysisCache"/>): a run from a cache gives exactly what a run
/// without one gives; a damaged, foreign-engine or stale cache is ignored; and the single analysis that feeds
/// both the index and similar papers yields exactly the terms and frequencies Lucene's own postings hold.
/// </summary>
public class TopicAnalysisCacheTests
{
    private static readonly TopicAnalysisOptions Options = TopicAnalysisOptions.Default;

    private static ArchiveModel Subset(ArchiveModel archive, Func<Paper, bool> keep) =>
        archive with { Papers = archive.Papers.Where(keep).ToValueList() };

    private static void AssertSame(TopicAnalysisResult expected, TopicAnalysisResult actual)
    {
        Assert.Equal(expected.Analysis.Topics, actual.Analysis.Topics);
        Assert.Equal(expected.Analysis.KeywordPages.OrderBy(k => k.Key, StringComparer.Ordinal), actual.Analysis.KeywordPages.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Analysis.ByPaper.Count, actual.Analysis.ByPaper.Count);
        foreach (var (id, a) in expected.Analysis.ByPaper)
        {
            Assert.Equal(a, actual.Analysis.ByPaper[id]);
        }
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
    }

    [Fact]
    public void A_run_from_the_cache_of_an_older_archive_equals_a_run_without_cache()
    {
        var archive = TopicFixtures.Archive;
        var older = Subset(archive, p => p.Id.GetHashCode(StringComparison.Ordinal) % 5 != 0);
        Assert.True(older.Papers.Count < archive.Papers.Count);
        var cache = TopicAnalyzer.Run(older, TopicFixtures.Topics, Options).Cache;
        Assert.Equal(older.Papers.Count, cache.Count);

        var fromCache = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options, cache);
        AssertSame(TopicFixtures.Result, fromCache);
        Assert.Equal(archive.Papers.Count, fromCache.Cache.Count);
    }

    [Fact]
    public void The_cache_is_really_used_for_unchanged_papers_and_ignored_for_changed_ones()
    {
        var archive = TopicFixtures.Archive;
        var cache = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options).Cache;
        var paper = archive.Papers.First(p => TopicFixtures.Analysis.For(p.Id).TopicSlugs.Count > 0);
        // A planted entry: same hash, no topics. Only a run that reads the cache can lose the topics.
        var planted = Plant(cache, paper.Id, e => e with { Topics = [] });
        Assert.Empty(TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options, planted).Analysis.For(paper.Id).TopicSlugs);

        // The same planted cache with the paper's title edited: the paper is analysed again, as without a cache.
        var edited = archive with { Papers = archive.Papers.Select(p => p.Id == paper.Id ? p with { Title = p.Title + " revisited" } : p).ToValueList() };
        AssertSame(TopicAnalyzer.Run(edited, TopicFixtures.Topics, Options), TopicAnalyzer.Run(edited, TopicFixtures.Topics, Options, planted));
    }

    [Fact]
    public void A_new_topic_query_or_a_fuzzy_one_makes_every_paper_analysed_again()
    {
        var archive = TopicFixtures.Archive;
        var cache = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options).Cache;
        var paper = archive.Papers.First(p => TopicFixtures.Analysis.For(p.Id).TopicSlugs.Count > 0);
        var planted = Plant(cache, paper.Id, e => e with { Topics = [] });
        foreach (var extra in new[] { "title:agent*", "title:quantizaton~1" })
        {
            var topics = TopicFixtures.Topics.Append(new Topic("extra", "Extra", "", extra)).ToList();
            AssertSame(TopicAnalyzer.Run(archive, topics, Options), TopicAnalyzer.Run(archive, topics, Options, planted));
        }
    }

    [Fact]
    public void A_cache_of_another_engine_is_ignored()
    {
        var archive = TopicFixtures.Archive;
        var cache = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options).Cache;
        var paper = archive.Papers.First(p => TopicFixtures.Analysis.For(p.Id).TopicSlugs.Count > 0);
        var planted = Plant(cache, paper.Id, e => e with { Topics = [] });
        var foreign = new TopicAnalysisCache("another analyzer version", planted.Queries, Entries(planted));
        AssertSame(TopicFixtures.Result, TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options, foreign));

        using var dir = TestPaths.Temp();
        var file = Path.Combine(dir.Path, TopicAnalysisCache.FileName);
        cache.Save(file);
        Assert.Equal(cache.Count, TopicAnalysisCache.Load(file).Count);
        Assert.Equal(0, TopicAnalysisCache.Load(file, engine: "another analyzer version").Count);
    }

    [Fact]
    public void Saved_and_loaded_it_gives_the_same_result_and_the_same_bytes()
    {
        var archive = TopicFixtures.Archive;
        var cache = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options).Cache;
        using var dir = TestPaths.Temp();
        var file = Path.Combine(dir.Path, "a.bin");
        cache.Save(file);
        var loaded = TopicAnalysisCache.Load(file);
        Assert.Equal(cache.Count, loaded.Count);
        Assert.Equal(cache.Queries, loaded.Queries);
        foreach (var p in archive.Papers)
        {
            Assert.True(cache.TryGetSimilarityTerms(p.Id, out var expected));
            Assert.True(loaded.TryGetSimilarityTerms(p.Id, out var actual));
            Assert.Equal(expected, actual);
        }
        var again = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options, loaded);
        AssertSame(TopicFixtures.Result, again);
        var file2 = Path.Combine(dir.Path, "b.bin");
        again.Cache.Save(file2);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(file2));
    }

    [Fact]
    public void A_damaged_truncated_or_missing_file_loads_as_empty()
    {
        var cache = TopicAnalyzer.Run(TopicFixtures.Archive, TopicFixtures.Topics, Options).Cache;
        using var dir = TestPaths.Temp();
        var file = Path.Combine(dir.Path, "cache.bin");
        cache.Save(file);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(0, TopicAnalysisCache.Load(Path.Combine(dir.Path, "missing.bin")).Count);
        foreach (var at in new[] { 10, bytes.Length / 2, bytes.Length - 1 })
        {
            var flipped = (byte[])bytes.Clone();
            flipped[at] ^= 0x20;
            File.WriteAllBytes(file, flipped);
            Assert.Equal(0, TopicAnalysisCache.Load(file).Count);
        }
        File.WriteAllBytes(file, bytes[..(bytes.Length / 3)]);
        Assert.Equal(0, TopicAnalysisCache.Load(file).Count);
        File.WriteAllText(file, "{\"format\":1}");
        Assert.Equal(0, TopicAnalysisCache.Load(file).Count);
        File.WriteAllBytes(file, []);
        Assert.Equal(0, TopicAnalysisCache.Load(file).Count);
    }

    [Fact]
    public void A_file_of_another_format_loads_as_empty_and_the_run_is_cold()
    {
        var archive = TopicFixtures.Archive;
        var cache = TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options).Cache;
        using var dir = TestPaths.Temp();
        var file = Path.Combine(dir.Path, "cache.bin");
        cache.Save(file);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(cache.Count, TopicAnalysisCache.Load(file).Count);

        // Format 1 (SHA-256 checksum) and an unknown later format, each with a checksum that holds for its bytes.
        foreach (var format in new[] { 1, 3 })
        {
            var body = bytes[..^16];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), format);
            byte[] other = format == 1
                ? [.. body, .. System.Security.Cryptography.SHA256.HashData(body)]
                : [.. body, .. System.IO.Hashing.XxHash128.Hash(body)];
            File.WriteAllBytes(file, other);
            var loaded = TopicAnalysisCache.Load(file);
            Assert.Equal(0, loaded.Count);
            AssertSame(TopicFixtures.Result, TopicAnalyzer.Run(archive, TopicFixtures.Topics, Options, loaded));
        }

        // Bytes after the last paper (an appended or half-overwritten file) with a matching checksum: not trusted either.
        byte[] longer = [.. bytes[..^16], 0x00];
        File.WriteAllBytes(file, [.. longer, .. System.IO.Hashing.XxHash128.Hash(longer)]);
        Assert.Equal(0, TopicAnalysisCache.Load(file).Count);
    }

    /// <summary>
    /// Property: any split of the fixture archive into an older archive and new papers, with a fuzzed extra
    /// topic query, gives from the older archive's cache exactly the analysis of a run without cache.
    /// </summary>
    [Property(Replay = "(20261129,7)", MaxTest = 8)]
    public void Any_older_archive_and_any_query_give_the_uncached_result(int seed)
    {
        var random = new Random(seed);
        var archive = TopicFixtures.Archive;
        var keepFraction = random.NextDouble();
        var older = Subset(archive, p => (p.Id.GetHashCode(StringComparison.Ordinal) ^ seed) % 100 < keepFraction * 100);
        string[] words = ["agent", "quantiz*", "\"kv cache\"", "diffusion", "title:video", "keywords:reasoning", "abstract:\"large language\"", "-title:survey", "authors:wang", "organization:google", "*bench", "title:[a TO c]", "/lo.a/"];
        var query = string.Join(random.Next(2) == 0 ? " OR " : " AND ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
        var topics = TopicFixtures.Topics.Append(new Topic("fuzzed", "Fuzzed", "", query)).ToList();
        var cache = TopicAnalyzer.Run(older, random.Next(3) == 0 ? TopicFixtures.Topics : topics, Options).Cache;
        AssertSame(TopicAnalyzer.Run(archive, topics, Options), TopicAnalyzer.Run(archive, topics, Options, cache));
    }

    [Fact]
    public void Query_locality_whitelists_per_paper_queries_only()
    {
        using var analyzer = new TopicIndexAnalyzer();
        foreach (var (query, perPaper) in new[]
        {
            ("agent", true), ("\"kv cache\"", true), ("title:quantiz*", true), ("*bench", true), ("title:[a TO c]", true),
            ("/lo.a/", true), ("a AND NOT b", true), ("quantization~1", false), ("agent OR title:quantizaton~2", false),
        })
        {
            var (parsed, error) = TopicQueryParser.Parse(query, analyzer);
            Assert.True(parsed is not null, error);
            Assert.Equal(perPaper, TopicQueryLocality.IsPerPaper(parsed!));
        }
    }

    /// <summary>
    /// The one analysis per paper (<see cref="PaperTermAnalysis"/>) must give the terms, frequencies and order that
    /// walking a Lucene index built from the raw text gives (what similar papers read before): fixture papers
    /// plus text with accents, possessives, stop words, digits and unpaired surrogates.
    /// </summary>
    [Fact]
    public void Similarity_terms_equal_the_postings_of_an_index_analysed_from_the_text()
    {
        var papers = TopicFixtures.Archive.Papers.Take(150).ToList();
        papers.Add(new Paper { Id = "odd1", Title = "The model's models MODELS: naïve Bayes \uD800 x\uDC00y \uE000z 𝒜lpha", Abstract = "don't stop; 3.14 π r² — ümlaut Ümlaut", AiKeywords = new[] { "LLMs", "fine-tuning", "\uDBFF" }.ToValueList() });
        papers.Add(new Paper { Id = "odd2", Title = "", Abstract = null, AiKeywords = ValueList<string>.Empty });
        var normalizer = new KeywordNormalizer();
        var keywordText = papers.Select(p => string.Join("\n", p.AiKeywords.Select(normalizer.WithExpansions))).ToList();

        var terms = new (string Term, int Frequency)[papers.Count][];
        using (new PaperIndex(papers, keywordText, null, 2, terms))
        {
        }

        using var directory = new RAMDirectory();
        using var analyzer = new TopicIndexAnalyzer();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TopicTextAnalysis.Version, analyzer)))
        {
            for (var i = 0; i < papers.Count; i++)
            {
                writer.AddDocument(new Document
                {
                    new TextField(TopicFields.Title, papers[i].Title, Field.Store.NO),
                    new TextField(TopicFields.Abstract, papers[i].Abstract ?? "", Field.Store.NO),
                    new TextField(TopicFields.Keywords, keywordText[i], Field.Store.NO),
                });
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var expected = new Dictionary<string, int>[papers.Count];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = [];
        }
        foreach (var (field, boost) in PaperTermAnalysis.SimilarityFields)
        {
            var termsEnum = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum is not null && termsEnum.MoveNext())
            {
                if (termsEnum.Term.Length == 0 || termsEnum.Term.Bytes[termsEnum.Term.Offset] == (byte)SurfaceMarkFilter.Mark)
                {
                    continue;
                }
                var text = termsEnum.Term.Utf8ToString();
                docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    expected[doc][text] = expected[doc].GetValueOrDefault(text) + boost * docs.Freq;
                }
            }
        }
        for (var i = 0; i < papers.Count; i++)
        {
            // Dictionary order is insertion order (no removals): the order the postings walk met the terms.
            Assert.Equal(expected[i].Select(e => (e.Key, e.Value)).ToList(), terms[i].ToList());
        }
        Assert.Contains(terms[^2], t => t.Term == "naïv");
        Assert.Empty(terms[^1]);
    }

    [Property(Replay = "(4711,20261129)", MaxTest = 500)]
    public void Utf8_order_is_the_order_of_utf8_bytes(string a, string b)
    {
        a ??= "";
        b ??= "";
        a = PaperTermAnalysis.AsIndexed(a);
        b = PaperTermAnalysis.AsIndexed(b);
        var bytes = ((ReadOnlySpan<byte>)System.Text.Encoding.UTF8.GetBytes(a)).SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));
        Assert.Equal(Math.Sign(bytes), Math.Sign(PaperTermAnalysis.Utf8Order(a, b)));
    }

    [Fact]
    public void Utf8_order_puts_astral_characters_after_private_use_ones()
    {
        Assert.True(PaperTermAnalysis.Utf8Order("\uE000", "𝒜") < 0);
        Assert.True(string.CompareOrdinal("\uE000", "𝒜") > 0); // where ordinal UTF-16 order differs
        Assert.Equal("\uFFFDx", PaperTermAnalysis.AsIndexed("\uD800x"));
    }

    private static TopicAnalysisCache Plant(TopicAnalysisCache cache, string id, Func<TopicAnalysisCache.Entry, TopicAnalysisCache.Entry> change)
    {
        var entries = Entries(cache);
        entries[id] = change(entries[id]);
        return new TopicAnalysisCache(cache.Engine, cache.Queries, entries);
    }

    private static Dictionary<string, TopicAnalysisCache.Entry> Entries(TopicAnalysisCache cache) =>
        new(cache.Entries, StringComparer.Ordinal);
}
