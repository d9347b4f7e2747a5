using PaperArchive.Build;
using PaperArchive.Model;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

/// <summary>Renders an archive into a temp folder with a given theme folder; read results back by site path.</summary>
public sealed class RenderHarness : IDisposable
{
    private readonly TestPaths.TempDir _tmp = TestPaths.Temp();

    public string Root => _tmp.Path;

    public string Site => Path.Combine(Root, "site");

    public RenderReport Report { get; private set; } = null!;

    /// <summary>Renders with the repository's default theme.</summary>
    public static RenderHarness Default(ArchiveModel? archive = null, ArchiveAnalysis? analysis = null, SiteConfig? config = null)
    {
        var h = new RenderHarness();
        var theme = Theme.Load(TestPaths.Themes, "default", null);
        h.Report = SiteBuilder.Render(archive ?? SampleArchive.Create(), analysis ?? SampleArchive.Analysis(), config ?? new SiteConfig(), theme, h.Site,
            SiteBuilder.PageSources());
        return h;
    }

    /// <summary>Writes an inline tree under the temp root and renders with themes/&lt;theme&gt; and input/theme overrides from it.</summary>
    public static RenderHarness FromTree(string tree, string theme = "t", ArchiveModel? archive = null, IReadOnlyList<IPageSource>? sources = null)
    {
        var h = new RenderHarness();
        InlineTree.Write(h.Root, tree);
        var t = Theme.Load(Path.Combine(h.Root, "themes"), theme, Path.Combine(h.Root, "input", "theme"));
        h.Report = SiteBuilder.Render(archive ?? SampleArchive.Create(), ArchiveAnalysis.Empty, new SiteConfig(), t, h.Site, sources);
        return h;
    }

    public string Read(string sitePath) => File.ReadAllText(Path.Combine(Site, sitePath));

    public bool Exists(string sitePath) => File.Exists(Path.Combine(Site, sitePath));

    public void Dispose() => _tmp.Dispose();
}
