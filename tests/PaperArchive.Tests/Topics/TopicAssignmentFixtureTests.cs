namespace PaperArchive.Tests.Topics;

/// <summary>
/// The default topics on the real fixtures, checked against what a researcher reading these papers
/// would file them under (expected), and topics that would clearly be wrong (forbidden).
/// </summary>
public class TopicAssignmentFixtureTests
{
    [Theory]
    [InlineData("2607.05061", "kv-cache efficient-inference", "video speech-and-audio robotics-and-embodied medicine-and-science math")] // KVpop: KV-cache compression with online pruning
    [InlineData("2408.00167", "kv-cache", "image-generation video robotics-and-embodied agents")] // Finch: prompt-guided KV-cache compression
    [InlineData("2607.07964", "quantization", "video agents robotics-and-embodied speech-and-audio")] // KronQ: LLM quantization via Kronecker-factored Hessian
    [InlineData("2406.06563", "mixture-of-experts", "speech-and-audio video 3d-and-4d")] // Skywork-MoE
    [InlineData("2406.05370", "speech-and-audio", "video 3d-and-4d robotics-and-embodied")] // VALL-E 2: zero-shot text to speech
    [InlineData("2408.00203", "gui-and-web-agents agents", "speech-and-audio 3d-and-4d")] // OmniParser: pure-vision GUI agent
    [InlineData("2406.07394", "math", "video speech-and-audio 3d-and-4d")] // Mathematical olympiad solutions via MCTS
    [InlineData("2404.02893", "math", "video image-generation")] // ChatGLM-Math
    [InlineData("2406.06474", "medicine-and-science", "video robotics-and-embodied")] // Personal health LLM
    [InlineData("2510.00446", "long-context code", "video speech-and-audio")] // LongCodeZip: compress long context for code LMs
    [InlineData("2407.21781", "robotics-and-embodied", "speech-and-audio math code")] // Berkeley Humanoid
    [InlineData("2406.07188", "safety", "video 3d-and-4d")] // Merging improves self-critique against jailbreaks
    [InlineData("2404.02733", "image-generation", "speech-and-audio robotics-and-embodied code math")] // InstantStyle: text-to-image style
    [InlineData("2403.12957", "3d-and-4d", "speech-and-audio code")] // GVGEN: text-to-3D
    [InlineData("2607.26627", "efficient-inference", "video robotics-and-embodied")] // Lossy verification in speculative decoding
    [InlineData("2607.26497", "retrieval-and-rag", "video robotics-and-embodied")] // BM25 wins at scale: RAG
    [InlineData("2510.02173", "hallucination reasoning", "video 3d-and-4d")] // Learning to reason for hallucination span detection
    [InlineData("2607.08393", "interpretability", "video robotics-and-embodied")] // Mechanistically understanding memorised knowledge
    [InlineData("2403.12706", "distillation", "speech-and-audio code math")] // AnimateDiff-Lightning: diffusion distillation
    public void Paper_gets_the_topics_a_researcher_would_give_it(string id, string expected, string forbidden)
    {
        var topics = TopicFixtures.Analysis.For(id).TopicSlugs;
        var title = TopicFixtures.Paper(id).Title;
        foreach (var slug in expected.Split(' '))
        {
            Assert.True(topics.Contains(slug), $"{id} \"{title}\" should be in '{slug}'; has {topics}");
        }
        foreach (var slug in forbidden.Split(' '))
        {
            Assert.False(topics.Contains(slug), $"{id} \"{title}\" should not be in '{slug}'; has {topics}");
        }
    }

    [Fact]
    public void Every_default_topic_matches_some_fixture_paper()
    {
        Assert.Empty(TopicFixtures.Result.Diagnostics);
        foreach (var topic in TopicFixtures.Topics)
        {
            Assert.Contains(TopicFixtures.Analysis.ByPaper.Values, a => a.TopicSlugs.Contains(topic.Slug));
        }
    }

    [Fact]
    public void Most_papers_get_a_topic_and_none_gets_them_all()
    {
        var all = TopicFixtures.Analysis.ByPaper.Values.ToList();
        Assert.Equal(TopicFixtures.Archive.Papers.Count, all.Count);
        Assert.True(all.Count(a => a.TopicSlugs.Count > 0) > all.Count * 0.8, "fewer than 80% of the papers have a topic");
        Assert.All(all, a => Assert.True(a.TopicSlugs.Count <= 8, $"{a.PaperId} has {a.TopicSlugs.Count} topics: {a.TopicSlugs}"));
    }

    [Fact]
    public void Topic_slugs_of_a_paper_follow_rule_order()
    {
        var order = TopicFixtures.Topics.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i);
        Assert.All(TopicFixtures.Analysis.ByPaper.Values, a =>
            Assert.Equal(a.TopicSlugs.OrderBy(s => order[s]), a.TopicSlugs));
    }
}
