using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

/// <summary>What a topic query matches: stemming, phrases, wildcards on words as written, fields.</summary>
public class TopicQueryTests
{
    private static readonly ArchiveModel Archive = new ArchiveModel(
        new[]
        {
            P("q1", "Post-Training Quantization of Large Language Models", "We quantize weights to 4 bits."),
            P("q2", "Quantized Attention for Fast Inference", "Attention kernels in low precision."),
            P("q3", "Quantum Circuits with Transformers", "A quantum computing study."),
            P("m1", "Multimodality Matters", "Images and text together.", keywords: ["vision-language models"]),
            P("m2", "A Multimodal Benchmark", "We propose MMBench for evaluation."),
            P("d1", "Knowledge Distillation at Scale", "A student learns from a teacher."),
            P("d2", "Distilled Diffusion Samplers", "Few-step generation."),
            P("k1", "Compressing the KV-Cache", "Evicting entries from key-value caches."),
            P("k2", "Caching Web Pages", "A KV store for the web.", keywords: ["LLMs"]),
            P("a1", "Agentic Workflows", "Tool use by language models.", authors: ["John Smith", "Ada Lovelace"], org: "NVIDIA"),
            P("a2", "Video Agents", "Mary John and Smith Lee are only authors.", authors: ["Mary John", "Smith Lee"]),
            P("v1", "Image Editing", "Our method also works on video."),
            P("p1", "Digital Pathology Foundation Models", "Slides of tissue."),
            P("p2", "Pathologies of Reward Models", "Failure modes."),
        }.ToValueList(),
        ValueList<DayListing>.Empty);

    private static Paper P(string id, string title, string abstractText, string[]? keywords = null, string[]? authors = null, string? org = null) =>
        new()
        {
            Id = id,
            Title = title,
            Abstract = abstractText,
            AiKeywords = (keywords ?? []).ToValueList(),
            Authors = (authors ?? []).Select(a => new Author(a)).ToValueList(),
            Organization = org,
        };

    private static string[] Match(string query)
    {
        var topic = new Topic("t", "T", "", query);
        var result = TopicAnalyzer.Run(Archive, [topic], new TopicAnalysisOptions { SimilarCount = 0 });
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == PaperArchive.Common.Severity.Error);
        return [.. result.Analysis.ByPaper.Values.Where(a => a.TopicSlugs.Contains("t")).Select(a => a.PaperId).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Prefix_matches_words_as_written_not_only_stems()
    {
        Assert.Equal(["q1", "q2"], Match("quantiz*"));
        Assert.Equal(["m1", "m2"], Match("title:multimodal*")); // stem of "multimodal" is "multimod"
        Assert.Equal(["d1", "d2"], Match("title:distill*"));      // stem of "distillation" is "distil"
    }

    [Fact]
    public void Prefix_is_case_insensitive()
    {
        Assert.Equal(["q1", "q2"], Match("title:Quantiz*"));
    }

    [Fact]
    public void Leading_wildcard_finds_names_inside_words()
    {
        Assert.Equal(["m2"], Match("*bench"));
    }

    [Fact]
    public void Terms_match_any_inflection_through_stems()
    {
        Assert.Equal(["a1", "a2"], Match("title:agents"));
        Assert.Equal(["q1", "q2"], Match("title:quantization")); // quantization, quantized: stem "quantiz"
    }

    [Fact]
    public void Phrases_ignore_hyphens_case_and_plurals()
    {
        Assert.Equal(["k1"], Match("\"kv cache\""));
        Assert.Equal(["k1"], Match("\"key-value cache\""));
    }

    [Fact]
    public void Field_restricts_where_a_term_counts()
    {
        Assert.Equal(["v1"], Match("video -title:video"));
        Assert.Equal(["a2"], Match("title:video"));
    }

    [Fact]
    public void Author_phrase_does_not_match_across_two_authors()
    {
        Assert.Equal(["a1"], Match("authors:\"john smith\""));
        Assert.Equal(["a1"], Match("organization:nvidia"));
    }

    [Fact]
    public void Keyword_acronyms_are_searchable_written_out()
    {
        Assert.Equal(["k2"], Match("keywords:\"large language model\""));
        Assert.Equal(["m1"], Match("keywords:vlm"));
    }

    [Fact]
    public void Regexp_matches_one_exact_word()
    {
        Assert.Equal(["p1"], Match("title:/pathology/"));
        Assert.Equal(["p1", "p2"], Match("title:pathology"));
    }
}
