using System.Globalization;
using PaperArchive.Common;

namespace PaperArchive.Rendering;

/// <summary>
/// The one place that decides where every page lives in <c>site/</c>. Paths are site-relative,
/// '/'-separated, and end in a file name (".html"), never in a folder, so that links also work from a
/// folder opened on disk (<c>file://</c> shows a folder listing, not its index.html). Every stage that
/// links to a page asks this class; nobody builds page paths by hand.
/// </summary>
public static class SiteUrls
{
    public const string Home = "index.html";
    public const string Calendar = "archive.html";
    public const string TopicsIndex = "topics/index.html";
    public const string Search = "search.html";
    public const string NotFound = "404.html";
    public const string Atom = "atom.xml";
    public const string Rss = "rss.xml";
    public const string JsonFeed = "feed.json";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";

    /// <summary>Folder (site-relative) that holds the static search index.</summary>
    public const string SearchIndexDir = "search-index";

    /// <summary>Folder (site-relative) for theme assets.</summary>
    public const string AssetsDir = "assets";

    public static string Day(DateOnly date) => "days/" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".html";

    /// <summary>ISO week, e.g. "weeks/2026-W27.html".</summary>
    public static string Week(DateOnly date) =>
        "weeks/" + ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture) + "-W" +
        ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture) + ".html";

    public static string Month(int year, int month) =>
        "months/" + year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture) + ".html";

    public static string Paper(string paperId) => "papers/" + Slug.ForPaperId(paperId) + ".html";

    /// <summary>Author page by slug (see <see cref="Slug.From"/> of the author's name).</summary>
    public static string Author(string slug) => "authors/" + slug + ".html";

    public static string Organization(string slug) => "orgs/" + slug + ".html";

    /// <summary>Topic page: the newest page is "topics/kv-cache.html", older page k (1 = oldest) "topics/kv-cache/page-k.html" (see <see cref="Pager"/>).</summary>
    public static string Topic(string slug, int page = 0) =>
        page <= 0 ? "topics/" + slug + ".html" : "topics/" + slug + "/page-" + page.ToString(CultureInfo.InvariantCulture) + ".html";

    public static string TopicFeed(string slug) => "feeds/topics/" + slug + ".xml";

    public static string Keyword(string slug) => "keywords/" + slug + ".html";

    /// <summary>Atom feed of one author's papers: "feeds/authors/ada-lovelace.xml".</summary>
    public static string AuthorFeed(string slug) => "feeds/authors/" + slug + ".xml";

    /// <summary>A citation export beside its page: ("days/2026-07-01.html", "bib") → "days/2026-07-01.bib" (also "ris").</summary>
    public static string Export(string pagePath, string format) =>
        pagePath[..(pagePath.Length - System.IO.Path.GetExtension(pagePath).Length)] + "." + format;

    /// <summary>The reader's own list (starred papers, notes), kept in the browser.</summary>
    public const string ReadingList = "my-list.html";

    /// <summary>Recent papers ranked by similarity to the starred ones, computed in the browser.</summary>
    public const string ForYou = "for-you.html";

    /// <summary>Folder (site-relative) of the reading list's data: per-paper citations and term vectors.</summary>
    public const string ReaderDir = "reader";

    /// <summary>The service worker; at the root so its scope is the whole site.</summary>
    public const string ServiceWorker = "sw.js";

    /// <summary>The whole site as one zip (written by <c>paperarchive build --zip</c>, linked when present).</summary>
    public const string OfflineZip = "offline/site.zip";

    public static string Asset(string relativePath) => AssetsDir + "/" + relativePath.TrimStart('/');

    /// <summary>
    /// Relative link from the page at <paramref name="fromPage"/> to <paramref name="toPath"/>, both
    /// site-relative (e.g. from "days/2026-07-01.html" to "papers/2607.1.html" → "../papers/2607.1.html").
    /// </summary>
    public static string Relative(string fromPage, string toPath)
    {
        var depth = fromPage.Count(c => c == '/');
        if (depth == 0)
        {
            return toPath.Length == 0 ? "./" : toPath;
        }
        return string.Concat(Enumerable.Repeat("../", depth)) + toPath;
    }

    /// <summary>Absolute URL for canonical links and feeds: <paramref name="baseUrl"/> like "https://me.github.io/papers/".</summary>
    public static string Absolute(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path;
}
