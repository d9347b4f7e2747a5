namespace PaperArchive.Rendering.Feeds;

/// <summary>
/// What a feed is about. <see cref="SelfPath"/> is the feed's site path ("atom.xml",
/// "feeds/topics/x.xml"), <see cref="PagePath"/> the HTML page it mirrors; both become absolute
/// from <see cref="BaseUrl"/>. <see cref="Updated"/> is a date from the data (never the clock).
/// </summary>
public sealed record FeedInfo(string Title, string Description, string BaseUrl, string SelfPath, string PagePath, DateOnly Updated, string Language = "en");
