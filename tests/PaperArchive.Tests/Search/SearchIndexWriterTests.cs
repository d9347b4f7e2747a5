using System.Text.Json;
using PaperArchive.Model;
using PaperArchive.Rendering;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

public sealed class SearchIndexWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pa-search-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private IReadOnlyList<string> WriteFixtures(string sub) =>
        SearchIndexWriter.Write(SearchFixtures.Archive, SearchFixtures.Analysis(), Path.Combine(_dir, sub));

    [Fact]
    public void Shards_round_trip_to_the_computed_postings()
    {
        WriteFixtures("a");
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var read = SearchIndexReader.ReadPostings(Path.Combine(_dir, "a", SiteUrls.SearchIndexDir));
        Assert.Equal(data.Terms, read.Keys);
        foreach (var term in data.Terms)
        {
            var expected = data.Postings[term];
            var actual = read[term];
            Assert.Equal(expected.Select(p => p.Doc), actual.Select(p => p.Doc));
            var max = expected.Max(p => p.Score);
            for (var i = 0; i < expected.Count; i++)
            {
                // one quantisation step of the term's maximum
                Assert.InRange(actual[i].Score, expected[i].Score - max / 60 - 1e-4, expected[i].Score + max / 60 + 1e-4);
            }
        }
        Assert.True(read.Count > 5000, "fixture vocabulary should be large, got " + read.Count);
    }

    [Fact]
    public void Frequent_terms_split_into_bands_of_falling_scores_that_round_trip()
    {
        var options = SearchIndexOptions.Default with { HeadPostings = 12 };
        SearchIndexWriter.Write(SearchFixtures.Archive, SearchFixtures.Analysis(), Path.Combine(_dir, "b"), options);
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var read = SearchIndexReader.ReadPostings(Path.Combine(_dir, "b", SiteUrls.SearchIndexDir));
        Assert.Equal(data.Terms, read.Keys);
        var split = 0;
        foreach (var term in data.Terms)
        {
            var expected = data.Postings[term];
            Assert.Equal(expected.Select(p => p.Doc), read[term].Select(p => p.Doc));
            var encoded = SearchIndexWriter.EncodeTerm(expected, options.HeadPostings);
            var bands = new[] { encoded.Head }.Concat(encoded.Tails.Select(t => t.Encoded)).Select(e => SearchIndexReader.DecodePostings(encoded.Max, e)).ToList();
            Assert.Equal(expected.Count, bands.Sum(b => b.Count));
            Assert.Equal(encoded.Tails.Select(t => t.Count), bands.Skip(1).Select(b => b.Count));
            // a head holds about HeadPostings (more only when the best level alone has more, or a
            // rest of under a quarter joined it)
            Assert.True(bands[0].Count <= options.HeadPostings * 5 / 4 || bands[0].Select(p => SearchIndexWriter.Level(p.Score, encoded.Max)).Distinct().Count() == 1, term);
            if (expected.Count <= options.HeadPostings)
            {
                Assert.Empty(encoded.Tails);
                continue;
            }
            split += encoded.Tails.Count > 0 ? 1 : 0;
            for (var i = 1; i < bands.Count; i++)
            {
                // every score of a band is strictly below every score of the bands above it
                var level = (SearchPosting p) => SearchIndexWriter.Level(p.Score, encoded.Max);
                Assert.True(bands[i].Max(level) < bands[i - 1].Min(level), term);
                Assert.Equal(encoded.Tails[i - 1].MaxLevel, bands[i].Max(level));
            }
        }
        Assert.True(split > 50, "only " + split + " terms split");
    }

    [Fact]
    public void Dictionary_shards_list_every_term_with_its_document_frequency_in_order()
    {
        WriteFixtures("a");
        var dir = Path.Combine(_dir, "a", SiteUrls.SearchIndexDir);
        var root = SearchIndexReader.ReadScript(File.ReadAllText(Path.Combine(dir, "root.js")), out var kind, out _);
        Assert.Equal("r", kind);
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var terms = new List<string>();
        var starts = SearchCodec.DecodeStarts(root.GetProperty("dict").GetString()!);
        for (var i = 0; i < starts.Count; i++)
        {
            var shard = SearchIndexReader.ReadScript(File.ReadAllText(Path.Combine(dir, "d" + i + ".js")), out var k, out var n);
            Assert.Equal(("d", i), (k, n));
            // the root holds a separator: at or before the shard's first term, after every earlier term
            Assert.True(string.CompareOrdinal(starts[i], shard[0].GetString()) <= 0, starts[i]);
            Assert.True(terms.Count == 0 || string.CompareOrdinal(terms[^1], starts[i]) < 0, starts[i]);
            for (var j = 0; j < shard.GetArrayLength(); j += 2)
            {
                var term = shard[j].GetString()!;
                terms.Add(term);
                Assert.Equal(data.Postings[term].Count, shard[j + 1].GetInt32());
            }
        }
        Assert.Equal(data.Terms, terms);
        Assert.Equal(SearchFixtures.Archive.Papers.Count, root.GetProperty("docs").GetInt32());
    }

    [Fact]
    public void Postings_shard_separators_in_the_root_route_every_term_to_its_shard()
    {
        var files = SearchIndexWriter.Render(SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis()), SearchIndexOptions.Default with { PostingsShardChars = 700 });
        var root = SearchIndexReader.ReadScript(files["root.js"], out _, out _);
        var starts = SearchCodec.DecodeStarts(root.GetProperty("post").GetString()!);
        Assert.True(starts.Count > 20);
        Assert.Equal(files.Keys.Count(k => k.StartsWith('p')), starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var shard = SearchIndexReader.ReadScript(files["p" + i + ".js"], out _, out _);
            for (var j = 0; j < shard.GetArrayLength(); j += 3)
            {
                // the client's lookup: the last separator at or before the term
                var term = shard[j].GetString()!;
                Assert.Equal(i, starts.Count(s => string.CompareOrdinal(s, term) <= 0) - 1);
            }
        }
        // separators are short: only as much of a shard's first term as tells it from the term before
        Assert.True(starts.Sum(s => s.Length) < files.Keys.Where(k => k.StartsWith('p')).Sum(k => SearchIndexReader.ReadScript(files[k], out _, out _)[0].GetString()!.Length));
    }

    [Theory]
    [InlineData("gener", "generat", "genera")]
    [InlineData("gener", "genf", "genf")]
    [InlineData("gener", "gf", "gf")]
    [InlineData("abc", "b", "b")]
    [InlineData("abz", "abzzz", "abzz")]
    [InlineData(null, "first", "first")]
    [InlineData("a\ud83d\ude00", "a\ud83d\ude01", "a\ud83d\ude01")]
    public void A_separator_is_the_shortest_prefix_after_the_previous_shard(string? previous, string first, string expected)
    {
        string? Unescape(string? s) => s is null ? null : System.Text.RegularExpressions.Regex.Unescape(s);
        var separator = SearchIndexWriter.Separator(Unescape(previous), Unescape(first)!);
        Assert.Equal(Unescape(expected), separator);
        Assert.True(previous is null || string.CompareOrdinal(Unescape(previous), separator) < 0);
        Assert.StartsWith(separator, Unescape(first)!, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_coded_starts_round_trip()
    {
        var terms = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis()).Terms.ToList();
        var awkward = new List<string> { new string('a', 70) + "b", new string('a', 70) + "c", new string('a', 64), "é", "éa", "漢字", "漢字x", "\ud83d\ude00", "\ud83d\ude01z", "\ud83d\ude02" }
            .Select(System.Text.RegularExpressions.Regex.Unescape).Order(StringComparer.Ordinal).ToList();
        foreach (var list in new[] { terms, awkward, [], ["x"] })
        {
            var encoded = SearchCodec.EncodeStarts(list);
            Assert.Equal(list, SearchCodec.DecodeStarts(encoded));
            Assert.True(list.Count < 2 || encoded.Length < string.Join(" ", list).Length + list.Count);
        }
        Assert.Throws<ArgumentException>(() => SearchCodec.EncodeStarts(["a b"]));
    }

    [Fact]
    public void Output_is_byte_identical_across_builds()
    {
        var a = WriteFixtures("a");
        var b = WriteFixtures("b");
        Assert.Equal(a, b);
        foreach (var f in a)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "a", f)), File.ReadAllBytes(Path.Combine(_dir, "b", f)));
        }
    }

    [Fact]
    public void Writes_far_fewer_files_than_pages_and_no_file_per_paper()
    {
        var files = WriteFixtures("a");
        var papers = SearchFixtures.Archive.Papers.Count;
        var perChunk = SearchIndexOptions.Default.CardsPerChunk;
        Assert.True(perChunk >= 2);
        Assert.True(files.Count < papers * 0.7, $"{files.Count} files for {papers} papers");
        Assert.All(files, f => Assert.StartsWith(SiteUrls.SearchIndexDir + "/", f));
        Assert.Equal((papers + perChunk - 1) / perChunk, files.Count(f => Path.GetFileName(f).StartsWith('c')));
        Assert.DoesNotContain(files, f => SearchFixtures.Archive.Papers.Any(p => f.Contains(p.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Pieces_stay_small_so_a_query_downloads_little()
    {
        var files = WriteFixtures("a");
        var options = SearchIndexOptions.Default;
        foreach (var f in files)
        {
            var text = File.ReadAllText(Path.Combine(_dir, "a", f));
            var name = Path.GetFileName(f);
            var data = SearchIndexReader.ReadScript(text, out var kind, out _);
            switch (kind)
            {
                case "r":
                    Assert.True(text.Length < 8_000, "root is " + text.Length);
                    break;
                case "d":
                    Assert.True(text.Length < options.DictShardChars * 2, name + " is " + text.Length);
                    break;
                case "p":
                    // A shard exceeds the target only when one term's head alone does: a large entry
                    // starts a new shard instead of riding on a full one (sizes as the writer counts them).
                    var size = 0;
                    for (var i = 0; i < data.GetArrayLength(); i += 3)
                    {
                        size += data[i].GetString()!.Length + data[i + 2].GetString()!.Length + 12;
                    }
                    Assert.True(size <= options.PostingsShardChars || data.GetArrayLength() == 3, name + " is " + size);
                    break;
                case "c":
                    Assert.True(data.GetArrayLength() <= options.CardsPerChunk);
                    Assert.True(text.Length < options.CardsPerChunk * (options.SnippetSourceChars * 2 + 600), name + " is " + text.Length);
                    break;
            }
        }
    }

    [Fact]
    public void Cards_carry_title_page_slug_upvotes_and_a_cut_abstract()
    {
        WriteFixtures("a");
        var dir = Path.Combine(_dir, "a", SiteUrls.SearchIndexDir);
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var chunk = SearchIndexReader.ReadScript(File.ReadAllText(Path.Combine(dir, "c0.js")), out _, out _);
        // files number docs oldest first: c0 starts with the engine's last doc
        var paper = data.Docs[^1];
        var card = chunk[0];
        // the link is the root's paperLink around the card's slug; the date comes from the root's days
        var root = SearchIndexReader.ReadScript(File.ReadAllText(Path.Combine(dir, "root.js")), out _, out _);
        var link = root.GetProperty("paperLink");
        Assert.Equal(SiteUrls.Paper(paper.Id), link[0].GetString() + card[0].GetString() + link[1].GetString());
        Assert.Equal(paper.Title, card[1].GetString());
        Assert.Equal(SearchIndexWriter.ShortAuthors(paper), card[2].GetString());
        Assert.Equal(paper.Upvotes ?? -1, card[3].GetInt32());
        Assert.True(card[5].GetString()!.Length <= SearchIndexOptions.Default.SnippetSourceChars + 2);
        Assert.Equal(6, card.GetArrayLength());
        // newest first: sorting by date is doc order
        Assert.True(data.Docs.Zip(data.Docs.Skip(1)).All(p => (p.First.FirstSeen ?? DateOnly.MinValue) >= (p.Second.FirstSeen ?? DateOnly.MinValue)));
    }

    [Fact]
    public void A_new_day_of_papers_leaves_the_shards_of_older_papers_and_other_terms_as_they_were()
    {
        var archive = SearchFixtures.Archive;
        var analysis = SearchFixtures.Analysis();
        var full = SearchIndexBuilder.Build(archive, analysis);
        // The archive before its newest papers arrived: as many as keep the rounded statistics (most days do).
        var k = Enumerable.Range(1, 40).First(n =>
        {
            var before = SearchIndexBuilder.Build(Without(archive, full.Docs.Take(n)), analysis);
            return Bm25Field.StableDocCount(before.Docs.Count) == Bm25Field.StableDocCount(full.Docs.Count)
                && before.AverageFieldLengths.SequenceEqual(full.AverageFieldLengths);
        });
        var added = full.Docs.Take(k).ToList();
        var old = SearchIndexBuilder.Build(Without(archive, added), analysis);
        var oldFiles = SearchIndexWriter.Render(old, SearchIndexOptions.Default);
        var newFiles = SearchIndexWriter.Render(full, SearchIndexOptions.Default);

        // every card and upvote chunk of older papers only: the same bytes
        var per = SearchIndexOptions.Default.CardsPerChunk;
        for (var c = 0; (c + 1) * per <= old.Docs.Count; c++)
        {
            Assert.Equal(oldFiles["c" + c + ".js"], newFiles["c" + c + ".js"]);
        }
        // every term the new papers lack: the same postings entry (scale and head) and document frequency
        var newTerms = full.Terms.Where(t => full.Postings[t].Any(p => p.Doc < k)).ToHashSet(StringComparer.Ordinal);
        var oldEntries = Entries(oldFiles);
        var newEntries = Entries(newFiles);
        var untouched = old.Terms.Where(t => !newTerms.Contains(t)).ToList();
        Assert.True(untouched.Count > old.Terms.Count / 2, untouched.Count + " of " + old.Terms.Count);
        foreach (var term in untouched)
        {
            Assert.Equal(oldEntries[term], newEntries[term]);
        }
        // and the terms they contain did change
        Assert.Contains(newTerms, t => !oldEntries.TryGetValue(t, out var e) || e != newEntries[t]);

        static ArchiveModel Without(ArchiveModel archive, IEnumerable<Paper> papers)
        {
            var ids = papers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            return archive with { Papers = archive.Papers.Where(p => !ids.Contains(p.Id)).ToValueList() };
        }

        static Dictionary<string, string> Entries(SortedDictionary<string, string> files)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, text) in files.Where(f => f.Key.StartsWith('p')))
            {
                var data = SearchIndexReader.ReadScript(text, out _, out _);
                for (var i = 0; i < data.GetArrayLength(); i += 3)
                {
                    result[data[i].GetString()!] = data[i + 1].GetRawText() + " " + data[i + 2].GetString();
                }
            }
            return result;
        }
    }

    [Fact]
    public void Index_scripts_hold_exactly_what_JsonSerializer_writes()
    {
        // the fast writer must not change a byte: every card of the fixtures, and awkward values
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var values = new List<object>
        {
            new object?[] { "a<b>&'\"\\ é ü 漢字 😀 \u2028", -1, 0, 12345678, 0.1, 1.0 / 3, 2.5f, 1e-7, 123456789.125, new List<int> { 1, 2 }, new List<int>(), null },
            new List<object> { "gener", new List<object> { 9.8765, 3, 120, 41 }, "0Az-_" },
        };
        foreach (var p in data.Docs)
        {
            values.Add(new object?[] { p.Id, p.Title, SearchIndexWriter.ShortAuthors(p), p.Abstract ?? "", p.Upvotes ?? -1, data.DocTopics[0], SearchIndexWriter.SnippetSource(p.Abstract, 280) });
        }
        foreach (var value in values)
        {
            Assert.Equal("__paSearch.add(\"c\",7," + JsonSerializer.Serialize(value) + ");\n", SearchIndexWriter.Script("c", 7, value));
        }
    }

    [Fact]
    public void Rewriting_removes_stale_shards()
    {
        var dir = Path.Combine(_dir, "a", SiteUrls.SearchIndexDir);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "c99999.js"), "stale");
        WriteFixtures("a");
        Assert.False(File.Exists(Path.Combine(dir, "c99999.js")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(1023)]
    [InlineData(int.MaxValue)]
    public void Varints_round_trip(int value)
    {
        var sb = new System.Text.StringBuilder();
        SearchCodec.AppendVarint(sb, value);
        var pos = 0;
        Assert.Equal(value, SearchCodec.ReadVarint(sb.ToString(), ref pos));
        Assert.Equal(sb.Length, pos);
        Assert.DoesNotContain(sb.ToString(), c => c is '"' or '\\');
    }

    [Fact]
    public void Empty_archive_writes_a_usable_root()
    {
        var files = SearchIndexWriter.Write(PaperArchive.Model.ArchiveModel.Empty, PaperArchive.Model.ArchiveAnalysis.Empty, Path.Combine(_dir, "e"));
        var root = SearchIndexReader.ReadScript(File.ReadAllText(Path.Combine(_dir, "e", SiteUrls.SearchIndexDir, "root.js")), out _, out _);
        Assert.Equal(0, root.GetProperty("docs").GetInt32());
        Assert.Equal(3, root.GetProperty("format").GetInt32());
        Assert.Empty(SearchCodec.DecodeStarts(root.GetProperty("post").GetString()!));
        Assert.Contains(SiteUrls.SearchIndexDir + "/root.js", files);
    }
}
