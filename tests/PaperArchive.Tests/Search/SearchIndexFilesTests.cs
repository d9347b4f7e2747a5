using System.Security.Cryptography;
using System.Text;
using PaperArchive.Rendering;
using PaperArchive.Search;

namespace PaperArchive.Tests.Search;

/// <summary>
/// The index files on disk are exactly the rendered text as UTF-8 whatever order the parallel writer
/// took, the version hash is the documented one, and the snippet source is the words of the abstract
/// joined by single spaces, cut as before (computed without splitting the whole abstract).
/// </summary>
public sealed class SearchIndexFilesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pa-search-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public void Written_files_are_the_rendered_text_byte_for_byte_on_every_run()
    {
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var rendered = SearchIndexWriter.Render(data, SearchIndexOptions.Default);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Dictionary<string, byte[]>? first = null;
        for (var run = 0; run < 3; run++)
        {
            var site = Path.Combine(_dir, "run" + run);
            var written = SearchIndexWriter.Write(data, site, SearchIndexOptions.Default);
            Assert.Equal(rendered.Keys.Select(k => SiteUrls.SearchIndexDir + "/" + k), written);
            var dir = Path.Combine(site, SiteUrls.SearchIndexDir);
            Assert.Equal(rendered.Count, Directory.GetFiles(dir).Length);
            var bytes = rendered.Keys.ToDictionary(k => k, k => File.ReadAllBytes(Path.Combine(dir, k)));
            foreach (var (name, text) in rendered)
            {
                Assert.Equal(utf8.GetBytes(text), bytes[name]);
            }
            first ??= bytes;
            Assert.All(bytes, f => Assert.Equal(first[f.Key], f.Value));
        }
    }

    [Fact]
    public void Root_version_hashes_every_other_file_as_documented()
    {
        var data = SearchIndexBuilder.Build(SearchFixtures.Archive, SearchFixtures.Analysis());
        var rendered = SearchIndexWriter.Render(data, SearchIndexOptions.Default);
        // SHA-256 over every other file's name and the XxHash128 (hex, big-endian) of its UTF-8 bytes, in name order.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in rendered.Where(f => f.Key != "root.js"))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(Encoding.UTF8.GetBytes(text))) + "\n"));
        }
        var expected = Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
        var root = SearchIndexReader.ReadScript(rendered["root.js"], out _, out _);
        Assert.Equal(expected, root.GetProperty("version").GetString());
    }

    /// <summary>The snippet source as it was first written: split on whitespace, join with spaces, cut.</summary>
    private static string ReferenceSnippet(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', maxChars);
        if (cut < maxChars / 2)
        {
            cut = maxChars;
        }
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }
        return flat.Substring(0, cut) + " …";
    }

    [Fact]
    public void Snippet_source_matches_the_split_and_join_reference()
    {
        var texts = SearchFixtures.Archive.Papers.Select(p => p.Abstract).ToList();
        // Random texts over an alphabet rich in whitespace kinds, surrogate pairs and long words, near every cut.
        var random = new Random(20261129);
        string[] pieces = [" ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u3000", "a", "word", "x", "😀", "\uD83D", "é", "supercalifragilistic", new string('z', 150), "."];
        for (var i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            var n = random.Next(0, 120);
            for (var j = 0; j < n; j++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }
            texts.Add(sb.ToString());
        }
        texts.AddRange([null, "", "   ", " \n\t ", "one", " lead", "trail ", new string('y', 281), new string('y', 280), new string('y', 279) + " b"]);
        var checkedCount = 0;
        foreach (var text in texts)
        {
            foreach (var max in new[] { 280, 10, 1, 2, 3, 100 })
            {
                string expected;
                try
                {
                    expected = ReferenceSnippet(text, max);
                }
                catch (ArgumentOutOfRangeException)
                {
                    continue; // the reference itself cannot cut there (1 character, no space): not a case we write
                }
                catch (IndexOutOfRangeException)
                {
                    continue;
                }
                Assert.Equal(expected, SearchIndexWriter.SnippetSource(text, max));
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 15_000, "checked " + checkedCount);
    }
}
