using PaperArchive.Model;

namespace PaperArchive.BrowserTests.Reliability;

/// <summary>
/// Well-known XSS and template-injection vectors, each calling <c>__xss('Vnn')</c> (or <c>alert</c>) if it
/// ever runs. They go into every text field a scrape can fill (title, abstract, AI summary, authors,
/// organisation, keywords, submitter), into topic titles and descriptions (topics.yml), into links from
/// scraped data, and into search queries. A test page records any call (init script), any dialog and any
/// console line with the marker.
/// </summary>
public static class InjectionCorpus
{
    public const string Marker = "XSS-MARKER";

    /// <summary>Installed before any page script: a hit is recorded, logged with the marker, and kept on window.</summary>
    public const string InitScript =
        "window.__xssHits = []; window.__xss = function (m) { window.__xssHits.push(String(m)); console.log('" + Marker + " ' + m); };";

    public static readonly string[] Vectors =
    [
        "<script>__xss('V01')</script>",
        "<img src=x onerror=\"__xss('V02')\">",
        "<svg onload=\"__xss('V03')\"></svg>",
        "<svg><script>__xss('V04')</script></svg>",
        "\"><script>__xss('V05')</script>",
        "'><img src=x onerror=__xss('V06')>",
        "javascript:__xss('V07')",
        "<a href=\"javascript:__xss('V08')\">click V08</a>",
        "<iframe src=\"javascript:__xss('V09')\"></iframe>",
        "<body onload=__xss('V10')>",
        "<details open ontoggle=__xss('V11')>",
        "<math><mtext><table><mglyph><style><img src=x onerror=__xss('V12')>",
        "&lt;script&gt;__xss('V13')&lt;/script&gt;",
        "&#60;img src=x onerror=__xss('V14')&#62; &#x3C; &amp &#0; &#xD800; &nosuch;",
        "<scr<script>ipt>__xss('V15')</script>",
        "{{ \"<img src=x onerror=__xss('V16')>\" }}",
        "{{ site.title }} {{ page.title | html.escape }} {% raw %} {{~ end ~}} {{ for x in 1..3 }}V17{{ end }}",
        "[click V18](javascript:__xss('V18'))",
        "![V19](javascript:__xss('V19'))",
        "<div style=\"background:url(javascript:__xss('V20'))\">V20</div>",
        "</textarea><script>__xss('V21')</script>",
        "</title><script>__xss('V22')</script>",
        "]]><script>__xss('V23')</script><![CDATA[",
        "--><script>__xss('V24')</script><!--",
        "</script><script>__xss('V25')</script>",
        "<input autofocus onfocus=__xss('V26')>",
        "<video><source onerror=\"__xss('V27')\"></video>",
        "<object data=\"javascript:__xss('V28')\"></object>",
        "<base href=\"javascript:__xss('V29')//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss('V30')\">",
        "<form action=\"javascript:__xss('V31')\"><button>V31</button></form>",
        "${__xss('V32')} `${__xss('V32')}`",
        "'-__xss('V33')-' \"-__xss('V33')-\" \\\";__xss('V33');//",
        "<img src=x onerror=alert(34)>",
        "<IMG SRC=\"jav&#x09;ascript:__xss('V35');\">",
        "<svg><a xlink:href=\"javascript:__xss('V36')\"><text>V36</text></a></svg>",
        "*emph* **V37** `code` <b>bold</b> $x^2$ \\(a\\) [V37]: javascript:__xss('V37')",
        "\u2028\u2029 line separators V38 \u0000 nul \u202Eevil",
    ];

    /// <summary>Scraped links that must never become anything but http(s).</summary>
    public static readonly string[] BadLinks =
    [
        "javascript:__xss('L1')", "JaVaScRiPt:__xss('L2')", " javascript:__xss('L3')", "data:text/html,<script>__xss('L4')</script>",
        "vbscript:msgbox(5)", "//evil.example/x", "/relative/path", "https://example.org/\" onmouseover=\"__xss('L8')", "file:///etc/passwd",
    ];

    /// <summary>One paper per vector, all listed on one day; each carries the vector in every text field.</summary>
    public static ArchiveModel Archive()
    {
        var day = new DateOnly(2026, 7, 1);
        var papers = new List<Paper>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            var v = Vectors[i];
            var id = $"2607.{90000 + i}";
            papers.Add(new Paper
            {
                Id = id,
                ArxivId = id,
                Title = "Injectionproof " + v,
                Abstract = "Abstract " + v + "\n\nSecond paragraph " + v,
                // Authors and organisations cycle through fewer vectors, so their pages stay few (every
                // paper page still shows its own); titles, abstracts and the rest carry every vector.
                Authors = ValueList.Of(new Author("Author " + Vectors[i % 8], i % 2 == 0 ? "user" + i : null), new Author("Ada Lovelace")),
                AuthorCount = 2,
                Organization = "Org " + Vectors[i % 6 * 6 + 2],
                OrganizationHandle = i % 3 == 0 ? "org" + i : null,
                PublishedOn = day.AddDays(-1),
                ListedOn = ValueList.Of(day),
                Snapshots = ValueList.Of(new CountSnapshot(day, 10 + i, i)),
                SubmittedBy = v,
                AiSummary = "Summary " + v,
                AiKeywords = ValueList.Of("keyword " + v, "injection"),
                GithubRepo = BadLinks[i % BadLinks.Length],
                ProjectPage = BadLinks[(i + 1) % BadLinks.Length],
                Thumbnail = BadLinks[(i + 2) % BadLinks.Length],
                MediaUrls = ValueList.Of(BadLinks[(i + 3) % BadLinks.Length]),
            });
        }
        return new ArchiveModel(
            papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToValueList(),
            ValueList.Of(new DayListing(day, papers.Select(p => p.Id).ToValueList())));
    }

    /// <summary>topics.yml with a vector in each topic's title and description; every query matches the hostile papers.</summary>
    public static string TopicsYaml()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            sb.Append("- slug: hostile-").Append(i).Append('\n');
            sb.Append("  title: ").Append(Quote("Topic " + Vectors[i * 5 % Vectors.Length])).Append('\n');
            sb.Append("  description: ").Append(Quote("Description " + Vectors[(i * 5 + 1) % Vectors.Length])).Append('\n');
            sb.Append("  query: injectionproof\n");
        }
        return sb.ToString();
    }

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\u2028", "\\L").Replace("\u2029", "\\P").Replace("\0", "\\0") + "\"";
}
