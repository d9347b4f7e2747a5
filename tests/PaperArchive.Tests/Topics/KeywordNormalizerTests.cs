using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Tests.Topics;

public class KeywordNormalizerTests
{
    private static ArchiveAnalysis Analyze(int minPapers, params string[][] keywordsPerPaper) =>
        TopicAnalyzer.Analyze(
            TopicFixtures.Tiny([.. keywordsPerPaper.Select((k, i) => ("p" + i, "Paper " + i, "", k))]),
            [],
            new TopicAnalysisOptions { SimilarCount = 0, KeywordPageMinPapers = minPapers });

    private static string[] Keywords(ArchiveAnalysis a, int paper) => [.. a.For("p" + paper).Keywords];

    [Fact]
    public void Llm_variants_are_one_keyword_shown_in_one_form()
    {
        var a = Analyze(3, ["LLMs", "KV cache"], ["large language models", "key-value cache"], ["Large Language Model (LLM)"], ["LLM"], ["Large Language Models (LLMs)"]);
        var shown = Keywords(a, 0)[0];
        for (var i = 1; i < 5; i++)
        {
            Assert.Contains(shown, Keywords(a, i));
        }
        Assert.Equal(Keywords(a, 0)[1], Keywords(a, 1)[1]); // KV cache = key-value cache
        // Every form is used once: the tie goes to the ordinally first form.
        Assert.Equal("LLM", shown);
        Assert.Equal("llm", a.KeywordPages[shown]);
        Assert.False(a.KeywordPages.ContainsKey(Keywords(a, 0)[1])); // only 2 papers < 3
    }

    [Fact]
    public void Most_frequent_surface_form_is_shown()
    {
        var a = Analyze(1, ["diffusion models"], ["Diffusion Model"], ["diffusion models"], ["Diffusion models"]);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(["diffusion models"], Keywords(a, i)));
    }

    [Fact]
    public void Hyphen_and_spacing_variants_merge()
    {
        var a = Analyze(1, ["fine-tuning"], ["finetuning"], ["Fine Tuning"], ["fine-tuned"]);
        var shown = Keywords(a, 0).Single();
        Assert.All(Enumerable.Range(1, 3), i => Assert.Equal([shown], Keywords(a, i)));
    }

    [Fact]
    public void Acronym_defined_in_the_data_joins_its_expansion()
    {
        var a = Analyze(1, ["Group Sequence Optimization (GSO)"], ["GSO"], ["group sequence optimization"]);
        var shown = Keywords(a, 0).Single();
        Assert.Equal([shown], Keywords(a, 1));
        Assert.Equal([shown], Keywords(a, 2));
    }

    [Fact]
    public void Acronym_expanded_two_ways_in_the_data_is_left_alone()
    {
        var a = Analyze(1, ["Super-Resolution (SR)"], ["Speech Recognition (SR)"], ["SR"]);
        Assert.Equal(3, new[] { Keywords(a, 0)[0], Keywords(a, 1)[0], Keywords(a, 2)[0] }.Distinct().Count());
    }

    [Fact]
    public void Different_concepts_stay_apart_and_duplicates_in_one_paper_collapse()
    {
        var a = Analyze(1, ["video generation", "Video Generation", "image generation", "RL", "reinforcement learning"]);
        Assert.Equal(3, Keywords(a, 0).Length);
    }

    [Fact]
    public void Keyword_pages_need_enough_papers_and_get_unique_slugs()
    {
        // "ΔNet" and "Net" are different keywords with the same slug "net".
        var a = Analyze(2, ["ΔNet"], ["ΔNet"], ["Net"], ["Net"], ["Net"], ["solo"]);
        Assert.Equal(2, a.KeywordPages.Count);
        Assert.DoesNotContain("solo", a.KeywordPages.Keys);
        Assert.Equal("net", a.KeywordPages["Net"]); // more papers: first pick
        Assert.Equal("net-2", a.KeywordPages["ΔNet"]);
    }

    [Fact]
    public void On_the_fixtures_llm_spellings_share_one_keyword()
    {
        var analysis = TopicFixtures.Analysis;
        var spellings = new[] { "LLMs", "large language models", "Large Language Models", "LLM", "Large Language Models (LLMs)", "large language model (LLM)", "Large language models" };
        var papers = TopicFixtures.Archive.Papers.Where(p => p.AiKeywords.Any(spellings.Contains)).ToList();
        Assert.True(papers.Count >= 30, $"only {papers.Count} fixture papers use one of the spellings");
        Assert.True(papers.Select(p => p.AiKeywords.First(spellings.Contains)).Distinct().Count() >= 5);
        // The most used spelling in the fixtures (17 papers) is shown for all of them.
        Assert.All(papers, p => Assert.Contains("large language models", analysis.For(p.Id).Keywords));
        Assert.DoesNotContain(analysis.ByPaper.Values.SelectMany(a => a.Keywords), k => spellings.Contains(k) && k != "large language models");
        Assert.Equal("large-language-models", analysis.KeywordPages["large language models"]);
    }
}
