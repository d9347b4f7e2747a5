namespace PaperArchive.Rendering.Model;

/// <summary>
/// Template model <c>topic</c> (topic pages) and each item of <c>topics</c> (topics index): the rule
/// (title, description, Lucene query), its page and Atom feed, how many papers it has, the newest
/// one's date and the month-by-month counts as <see cref="Chart"/>.
/// </summary>
public sealed record TopicModel(
    string Slug,
    string Title,
    string Description,
    string Query,
    string Url,
    string FeedUrl,
    int PaperCount,
    DateModel? Newest,
    TopicChartModel Chart);
