using PaperArchive.Build;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

public class SmokeTests
{
    [Fact]
    public void Renders_sample()
    {
        using var tmp = TestPaths.Temp();
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        var report = SiteBuilder.Render(SampleArchive.Create(), SampleArchive.Analysis(), new SiteConfig(), theme, tmp.Path, SiteBuilder.PageSources());
        Assert.Empty(report.Diagnostics.Select(d => d.ToString()));
        var check = SiteChecker.Check(tmp.Path);
        Assert.True(check.Diagnostics.Count == 0, string.Join("\n", check.Diagnostics));
        Directory.CreateDirectory("/tmp/render-smoke");
        foreach (var f in Directory.GetFiles(tmp.Path, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine("/tmp/render-smoke", Path.GetRelativePath(tmp.Path, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target, true);
        }
    }
}
