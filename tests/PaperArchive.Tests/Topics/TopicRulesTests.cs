using PaperArchive.Common;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

public class TopicRulesTests
{
    private const string File = "input/topics.yml";

    private static (IReadOnlyList<PaperArchive.Model.Topic> Topics, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml) =>
        TopicRules.Parse(yaml.ReplaceLineEndings("\n"), File);

    [Fact]
    public void Default_rules_load_without_diagnostics_and_have_20_to_30_topics()
    {
        var (topics, diagnostics) = TopicRules.Load(TopicFixtures.DefaultRulesPath);
        Assert.Empty(diagnostics);
        Assert.InRange(topics.Count, 20, 30);
        Assert.All(topics, t =>
        {
            Assert.Equal(Slug.From(t.Slug), t.Slug);
            Assert.False(string.IsNullOrWhiteSpace(t.Title));
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.NotNull(t.SourceLine);
        });
        Assert.Equal(topics.Count, topics.Select(t => t.Slug).Distinct().Count());
    }

    [Fact]
    public void Topics_keep_file_order_fields_and_lines()
    {
        var (topics, diagnostics) = Parse("""
            # header
            - slug: kv-cache
              title: KV cache
              description: Caches.
              query: '"kv cache"'
            - slug: quantization
              title: Quantization
              query: title:quantiz*
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(["kv-cache", "quantization"], topics.Select(t => t.Slug));
        Assert.Equal("\"kv cache\"", topics[0].Query);
        Assert.Equal("", topics[1].Description);
        Assert.Equal(2, topics[0].SourceLine);
        Assert.Equal(6, topics[1].SourceLine);
        Assert.Equal(File, topics[0].SourceFile);
    }

    [Fact]
    public void Missing_file_gives_nothing()
    {
        var (topics, diagnostics) = TopicRules.Load(Path.Combine(TestPaths.RepoRoot, "no-such-topics.yml"));
        Assert.Empty(topics);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Yaml_syntax_error_names_file_line_column_and_parser_message()
    {
        var (topics, diagnostics) = Parse("""
            - slug: a
              title: "unclosed
              query: x
            """);
        Assert.Empty(topics);
        var d = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(File, d.File);
        Assert.Matches(@"^line \d+, column \d+$", d.Location);
        Assert.StartsWith("YAML error: ", d.Message);
        Assert.True(d.Message.Length > "YAML error: ".Length + 5, d.Message);
    }

    [Fact]
    public void Bad_indentation_is_reported_at_its_line()
    {
        var (_, diagnostics) = Parse("- slug: a\n  title: A\n query: x\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.StartsWith("line 3,", d.Location);
    }

    [Fact]
    public void Invalid_query_names_the_topic_line_and_query_parser_message()
    {
        var (topics, diagnostics) = Parse("""
            - slug: good
              title: Good
              query: video
            - slug: broken
              title: Broken
              query: 'title:(video OR'
            """);
        Assert.Equal(["good"], topics.Select(t => t.Slug));
        var d = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("line 4", d.Location);
        Assert.Contains("topic 'broken': invalid query:", d.Message);
        Assert.Contains("Cannot parse", d.Message); // Lucene's own message
    }

    [Fact]
    public void Unknown_field_in_query_is_an_error_listing_the_allowed_fields()
    {
        var (topics, diagnostics) = Parse("""
            - slug: typo
              title: Typo
              query: titel:video OR summary:video OR abstract:video
            """);
        Assert.Empty(topics);
        var d = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("line 1", d.Location);
        Assert.Contains("unknown field 'titel', 'summary'", d.Message);
        Assert.Contains("title, abstract, keywords, authors, organization", d.Message);
    }

    [Fact]
    public void Field_names_are_case_insensitive()
    {
        var (topics, diagnostics) = Parse("- slug: a\n  title: A\n  query: Title:video OR ABSTRACT:video\n");
        Assert.Empty(diagnostics);
        Assert.Single(topics);
    }

    [Fact]
    public void Duplicate_slug_is_an_error_naming_the_first_line()
    {
        var (topics, diagnostics) = Parse("""
            - slug: video
              title: Video
              query: video
            - slug: video
              title: Video again
              query: videos
            """);
        Assert.Single(topics);
        var d = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("line 4", d.Location);
        Assert.Equal("duplicate slug 'video' (first used on line 1)", d.Message);
    }

    [Theory]
    [InlineData("- slug: a\n  title: A\n", "topic 'a' has no 'query'")]
    [InlineData("- title: A\n  query: x\n", "topic has no 'slug'")]
    [InlineData("- slug: a\n  title: A\n  query: x\n  qeury: y\n", "unknown key 'qeury'")]
    [InlineData("- slug: Video Models\n  title: A\n  query: x\n", "slug 'Video Models' is not URL-safe")]
    [InlineData("- slug: a\n  title: A\n  query: the\n", "no searchable terms")]
    [InlineData("- slug: a\n  title: A\n  query: [x]\n", "'query' must be text")]
    [InlineData("slug: a\n", "expected a list of topics")]
    public void Structural_problems_are_errors(string yaml, string message)
    {
        var (topics, diagnostics) = Parse(yaml);
        Assert.Empty(topics);
        var d = Assert.Single(diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains(message, d.Message);
        Assert.Equal(File, d.File);
        Assert.NotNull(d.Location);
    }

    [Fact]
    public void Topics_key_wrapper_is_accepted()
    {
        var (topics, diagnostics) = Parse("topics:\n  - slug: a\n    title: A\n    query: video\n");
        Assert.Empty(diagnostics);
        Assert.Single(topics);
    }

    [Fact]
    public void Topic_matching_nothing_is_a_warning_at_its_line()
    {
        var (topics, _) = Parse("- slug: none\n  title: None\n  query: zebrafish\n- slug: some\n  title: Some\n  query: video\n");
        var archive = TopicFixtures.Tiny(("1", "A video model", "", []));
        var result = TopicAnalyzer.Run(archive, topics);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(File, d.File);
        Assert.Equal("line 1", d.Location);
        Assert.Equal("topic 'none' matches no paper", d.Message);
        Assert.Equal(["some"], result.Analysis.For("1").TopicSlugs);
    }
}
