using PaperArchive.Build;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Build;

public class RenderedPageCheckerTests
{
    private static SitePage Page(string path) => new(path, "day", "t", new Dictionary<string, object?>());

    [Fact]
    public void Links_to_the_sites_own_paths_are_good_and_a_broken_link_is_reported_once_with_its_other_pages()
    {
        using var tmp = TestPaths.Temp();
        var sitePaths = new HashSet<string>(StringComparer.Ordinal) { "index.html", "day/a.html", "day/b.html" };
        var checker = new RenderedPageChecker(sitePaths);
        checker.Inspect(Page("day/b.html"), """<a href="../index.html">home</a> <a href="a.html">a</a> <a href="gone.html">x</a>""");
        checker.Inspect(Page("day/a.html"), "<a href=\"../index.html\">home</a>\n<a href=\"gone.html\">x</a>");
        checker.Inspect(Page("index.html"), """<a href="day/a.html">a</a>""");

        // Nothing was written to disk: the site's paths are good because the build writes them.
        // (The first pages of a kind are also parsed as HTML: these fragments lack a doctype.)
        var problems = checker.Finish(tmp.Path, sitePaths)
            .Select(kv => (kv.Key, List: kv.Value.Where(p => !p.Message.StartsWith("HTML:", StringComparison.Ordinal)).ToList()))
            .Where(kv => kv.List.Count > 0).ToList();
        var (page, list) = Assert.Single(problems);
        Assert.Equal("day/a.html", page);
        var problem = Assert.Single(list);
        Assert.Equal("broken link 'gone.html' (and on 1 more pages)", problem.Message);
        Assert.StartsWith("line 2, column ", problem.Location);
    }
}
