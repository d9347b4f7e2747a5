using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Serve;

namespace PaperArchive.Tests.Serve;

public class RequestPathTests
{
    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/repo/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/repo/%2E%2E/secret")]
    [InlineData("/repo/..%2fsecret")]
    [InlineData("/repo/..%2Fsecret")]
    [InlineData("/repo/%252e%252e/secret")]
    [InlineData("/repo/%25252e%25252e/")]
    [InlineData("/repo/..\\..\\etc\\passwd")]
    [InlineData("/repo/%5c..%5csecret")]
    [InlineData("/repo/index.html%00.png")]
    [InlineData("/repo/a%0d%0aSet-Cookie:x")]
    [InlineData("/repo/./index.html")]
    [InlineData("/repo/%c0%ae%c0%ae/")]
    [InlineData("/repo/%zz")]
    [InlineData("/repo/%2")]
    [InlineData("http://evil.example/etc/passwd")]
    [InlineData("etc/passwd")]
    [InlineData("*")]
    [InlineData("")]
    public void Traversal_and_malformed_targets_are_bad_requests(string target)
    {
        Assert.Equal(RequestPathKind.BadRequest, RequestPath.Parse(target, "/repo/").Kind);
    }

    [Theory]
    [InlineData("/repo/", new string[0], true)]
    [InlineData("/repo/index.html", new[] { "index.html" }, false)]
    [InlineData("/repo/days/2024-06-03.html?x=1#top", new[] { "days", "2024-06-03.html" }, false)]
    [InlineData("/repo/papers/", new[] { "papers" }, true)]
    [InlineData("/repo//assets//css/site.css", new[] { "assets", "css", "site.css" }, false)]
    [InlineData("/repo/authors/j%C3%BCrgen.html", new[] { "authors", "jürgen.html" }, false)]
    [InlineData("/repo/a%2Fb", new[] { "a", "b" }, false)]
    public void Site_paths_are_decoded_segments(string target, string[] segments, bool trailingSlash)
    {
        var path = RequestPath.Parse(target, "/repo/");
        Assert.Equal(RequestPathKind.Site, path.Kind);
        Assert.Equal(segments, path.Segments);
        Assert.Equal(trailingSlash, path.TrailingSlash);
    }

    [Theory]
    [InlineData("/", "/repo/", RequestPathKind.RedirectToBase)]
    [InlineData("/repo", "/repo/", RequestPathKind.RedirectToBase)]
    [InlineData("/other/index.html", "/repo/", RequestPathKind.OutsideBase)]
    [InlineData("/repository/", "/repo/", RequestPathKind.OutsideBase)]
    [InlineData("/", "/", RequestPathKind.Site)]
    public void Base_path_is_enforced(string target, string basePath, RequestPathKind kind)
    {
        Assert.Equal(kind, RequestPath.Parse(target, basePath).Kind);
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("repo", "/repo/")]
    [InlineData("/repo", "/repo/")]
    [InlineData("/a/b/", "/a/b/")]
    public void Base_path_is_normalised(string? given, string expected)
    {
        Assert.Equal(expected, ServeOptions.NormalizeBasePath(given));
    }

    /// <summary>Whatever the target, parsing never throws and a site path never holds a segment that could leave the root.</summary>
    [Fact]
    public void Any_target_yields_only_safe_segments()
    {
        var pieces = Gen.Elements("/", "..", ".", "%2e", "%2E", "%2f", "%5c", "\\", "%25", "%00", "a", "repo", "%c0%ae", "~", ":", "%", "%%", "é", "\0");
        var targets = Gen.ListOf(pieces).Select(parts => "/" + string.Concat(parts));
        Prop.ForAll(Arb.From(targets), target =>
        {
            var path = RequestPath.Parse(target, "/repo/");
            return path.Kind != RequestPathKind.Site || path.Segments.All(s =>
                s.Length > 0 && s != "." && s != ".." && !s.Contains('\\') && !s.Contains('/') && !s.Contains('%') && !s.Any(char.IsControl));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(new Replay(new Rnd(8UL, 0x9E3779B97F4A7C15UL), null)));
    }
}
