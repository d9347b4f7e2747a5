using PaperArchive.Archive;
using PaperArchive.Build;
using PaperArchive.Common;
using PaperArchive.Ingest;
using PaperArchive.Ingest.Html;
using PaperArchive.Ingest.Json;
using PaperArchive.Ingest.Text;
using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Reliability;

/// <summary>
/// Every crash or hang that bench/fuzz/run.sh or the Reliability properties found, minimised, as a regression test. Each calls the
/// format directly (not through ListingReader, whose last-resort catch would hide an exception).
/// The README's Reliability section lists them.
/// </summary>
public class FuzzFindingTests
{
    private static void ReadsWithoutThrowing(IListingFormat format, string text)
    {
        var result = format.Read(text, "finding");
        Assert.All(result.Observations, o => Assert.False(string.IsNullOrWhiteSpace(o.Paper.Title)));
        Assert.DoesNotContain(ListingReader.ReadText(text, "finding.json").Diagnostics, d => d.Message.Contains("could not be read", StringComparison.Ordinal));
    }

    /// <summary>
    /// json #1: a Python-literal dict key that is an infinite or NaN float. Turning the key into text
    /// used JSON serialisation, which throws on non-finite numbers. Now named like Python's str().
    /// </summary>
    [Theory]
    [InlineData("[\"{'paper': {'id': '2401.00001', 'title': 'T', 1e999: 1}}\"]")]
    [InlineData("[\"{'paper': {'id': '2401.00001', 'title': 'T', -1e999: 1}}\"]")]
    [InlineData("[\"{'paper': {'id': '2401.00001', 'title': 'T', nan: 1, inf: 2}}\"]")]
    public void Json_python_literal_with_a_non_finite_float_key(string text)
    {
        ReadsWithoutThrowing(new ApiJsonFormat(), text);
        Assert.True(PythonLiteralParser.TryParse("{1e999: 1, -1e999: 2}", out var node, out var error), error);
        Assert.Equal(["inf", "-inf"], node!.AsObject().Select(kv => kv.Key));
    }

    /// <summary>
    /// archive/topics/site #2 (found by HostileBytesPropertyTests, then by the fuzzers): YamlDotNet's
    /// scanner throws InvalidOperationException, not YamlException, on a broken quoted scalar in a flow
    /// mapping followed by a line starting with a quote. The archive reader, topics.yml and site.yml
    /// readers caught only YamlException; a damaged archive page threw out of ArchiveReader.Read.
    /// </summary>
    [Fact]
    public void Yaml_scanner_invalid_operation_is_a_diagnostic()
    {
        const string Broken = "- {a: \"x\"y\"\n\"\n";
        var diagnostics = new List<Diagnostic>();
        Assert.Null(PaperPage.Parse("---\nid: \"2401.00001\"\nauthors:\n  - {name: \"Ada L\"agents\"\n\"\n---\n", "papers/x.md", diagnostics));
        Assert.Contains(diagnostics, d => d.Severity == Severity.Error && d.File == "papers/x.md");
        var (topics, topicDiagnostics) = TopicRules.Parse(Broken, "topics.yml");
        Assert.Empty(topics);
        Assert.Contains(topicDiagnostics, d => d.Severity == Severity.Error && d.Message.StartsWith("YAML error", StringComparison.Ordinal));
        SiteConfigLoader.Parse(Broken, "site.yml");
        SiteConfigLoader.Parse("title: " + Broken, "site.yml");
    }

    /// <summary>
    /// topics #3 (found by PathSafetyPropertyTests): topic analysis threw on an archive without papers
    /// (days only, or nothing imported yet) because Partitioner.Create refuses an empty range — so a
    /// first build before any listing arrived would crash.
    /// </summary>
    [Fact]
    public void Topic_analysis_of_an_archive_without_papers()
    {
        var (rules, _) = TopicRules.Parse("- slug: agents\n  title: Agents\n  query: agent\n", "topics.yml");
        var days = new ArchiveModel(ValueList<Paper>.Empty, ValueList.Of(new DayListing(new DateOnly(2026, 7, 1), ValueList.Of("2607.00001"))));
        var result = TopicAnalyzer.Run(days, rules);
        Assert.Empty(result.Analysis.ByPaper);
        TopicAnalyzer.Analyze(ArchiveModel.Empty, []);
    }

    /// <summary>
    /// json #4 (found by HostileBytesPropertyTests): a lone surrogate escape such as <c>"\ud800"</c> in any
    /// string or property name made System.Text.Json throw when the value was read, and the whole listing
    /// (every paper of that day) was reported unreadable; fetch's validator threw on it as well. Now such
    /// escapes become U+FFFD (what the archive stores for lone surrogates) and the papers are kept.
    /// </summary>
    [Theory]
    [InlineData("title", "\"T\\ud800\"", "T\uFFFD")]
    [InlineData("title", "\"\\udc00T\\ud83d\\ude00\"", "\uFFFDT\uD83D\uDE00")]
    [InlineData("title", "\"T\\\\ud800\"", "T\\ud800")]
    [InlineData("\\ud800", "1", "T")]
    public void Json_lone_surrogate_escapes_keep_the_listing(string key, string value, string title)
    {
        var json = "[{\"paper\": {\"id\": \"2607.11886\", \"title\": \"T\", \"authors\": [{\"name\": \"A\\ud800\"}], \"" + key + "\": " + value + "}, \"publishedAt\": \"\\ud800\"}]";
        var result = new ApiJsonFormat().Read(json, "2026-07-01.json");
        var paper = Assert.Single(result.Observations).Paper;
        Assert.Equal(title, paper.Title);
        Assert.Equal("A\uFFFD", paper.Authors[0].Name);
        var check = PaperArchive.Fetch.ListingValidator.Check(System.Text.Encoding.UTF8.GetBytes(json), "2026-07-01.json");
        Assert.True(check.IsValid, check.Problem);
    }

    /// <summary>
    /// listing-html #5, paper-html #6 (fuzzing): a key repeated in a page's hydration JSON
    /// (<c>data-props</c>) made JsonObject throw ArgumentException on first access. Now the JSON is
    /// refused while parsing, reported as broken hydration data, and the paper page falls back to its text.
    /// </summary>
    [Fact]
    public void Hydration_json_with_a_repeated_key()
    {
        const string Props = "{&quot;paper&quot;:{&quot;id&quot;:&quot;2509.24002&quot;,&quot;title&quot;:&quot;A&quot;,&quot;title&quot;:&quot;B&quot;,&quot;authors&quot;:[]}}";
        var paper = "<html><head><link rel=canonical href=\"https://huggingface.co/papers/2509.24002\"></head><body>"
            + "<div class=\"SVELTE_HYDRATER contents\" data-target=\"PaperContent\" data-props=\"" + Props + "\"></div><h1>Visible Title</h1></body></html>";
        ReadsWithoutThrowing(new PaperHtmlFormat(), paper);
        var read = new PaperHtmlFormat().Read(paper, "p.html");
        Assert.Contains(read.Diagnostics, d => d.Message.Contains("not valid JSON", StringComparison.Ordinal));
        const string Daily = "{&quot;date&quot;:&quot;2024-08-01&quot;,&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2408.00001&quot;,&quot;id&quot;:&quot;2408.00002&quot;}}]}";
        ReadsWithoutThrowing(new ListingHtmlFormat(), "<html><body><div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\"" + Daily + "\"></div></body></html>");
    }

    /// <summary>site #7, topics (fuzzing): a tag like <c>!!]</c> made YamlDotNet throw ArgumentException ("Global tags must be valid URIs").</summary>
    [Fact]
    public void Yaml_tag_that_is_not_a_uri()
    {
        var (_, site) = SiteConfigLoader.Parse("!!]i", "site.yml");
        Assert.Contains(site, d => d.Severity == Severity.Error && d.File == "site.yml");
        var (_, topics) = TopicRules.Parse("!!]i", "topics.yml");
        Assert.Contains(topics, d => d.Severity == Severity.Error);
        var diagnostics = new List<Diagnostic>();
        PaperPage.Parse("---\nid: !!]i\n---\n", "papers/x.md", diagnostics);
        Assert.NotEmpty(diagnostics);
    }

    /// <summary>Every input AFL saved as a crash (Reliability/Findings/&lt;harness&gt;-N.*), replayed through the same harness.</summary>
    [Theory]
    [MemberData(nameof(SavedCrashes))]
    public void Saved_fuzz_crashes_replay_cleanly(string name)
    {
        var text = new System.Text.UTF8Encoding(false, false).GetString(File.ReadAllBytes(Path.Combine(FindingsDir, name)));
        var harness = name[..name.LastIndexOf('-')];
        switch (harness)
        {
            case "json": ReadsWithoutThrowing(new ApiJsonFormat(), text); break;
            case "listing-html": ReadsWithoutThrowing(new ListingHtmlFormat(), text); break;
            case "paper-html": ReadsWithoutThrowing(new PaperHtmlFormat(), text); break;
            case "page-text": ReadsWithoutThrowing(new PageTextFormat(), text); break;
            case "archive":
                var diagnostics = new List<Diagnostic>();
                PaperPage.Parse(text, "papers/x.md", diagnostics);
                DayPage.Parse(text, "days/x.md", diagnostics);
                break;
            case "topics": TopicRules.Parse(text, "topics.yml"); break;
            case "site": SiteConfigLoader.Parse(text, "site.yml"); break;
            default: Assert.Fail("no harness named " + harness); break;
        }
    }

    private static string FindingsDir => Path.Combine(TestPaths.RepoRoot, "tests", "PaperArchive.Tests", "Reliability", "Findings");

    public static TheoryData<string> SavedCrashes()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FindingsDir).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }
}
