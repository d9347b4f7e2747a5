using System.Diagnostics;
using PaperArchive.Archive;
using PaperArchive.Common;
using PaperArchive.Model;
using PaperArchive.Reader;
using PaperArchive.Rendering;
using PaperArchive.Rendering.Pages;
using PaperArchive.Search;
using PaperArchive.Topics;

namespace PaperArchive.Build;

/// <summary>
/// Front door of <c>paperarchive build</c>. <see cref="Build"/> reads top to bottom as the list of
/// steps; <see cref="PageSources"/> is the one list of page kinds.
/// </summary>
public static class SiteBuilder
{
    /// <summary>
    /// Every kind of page the site has, in order. A new page kind is one <see cref="IPageSource"/>
    /// class plus one line here.
    /// </summary>
    public static IReadOnlyList<IPageSource> PageSources() =>
    [
        new HomePageSource(),
        new DayPageSource(),
        new WeekPageSource(),
        new MonthPageSource(),
        new CalendarPageSource(),
        new PaperPageSource(),
        new AuthorPageSource(),
        new OrganizationPageSource(),
        new TopicPageSource(),
        new TopicsIndexPageSource(),
        new KeywordPageSource(),
        new SearchPageSource(),
        new NotFoundPageSource(),
        new SiteFeedSource(),
        new CitationExportSource(),
        new AuthorFeedSource(),
        new ReaderPageSource(),
    ];

    public static BuildReport Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        var steps = new List<(string Step, TimeSpan Elapsed)>();
        var stepName = "";
        var stepStart = TimeSpan.Zero;
        void Step(string name)
        {
            if (stepName.Length > 0)
            {
                steps.Add((stepName, clock.Elapsed - stepStart));
            }
            (stepName, stepStart) = (name, clock.Elapsed);
            options.Progress?.Report(new BuildProgress(name, 0, 0));
        }

        // 1. Configuration: input/site.yml, overridden by the command line.
        Step("config");
        var (config, configDiagnostics) = SiteConfigLoader.Load(Path.Combine(options.InputDir, "site.yml"));
        diagnostics.AddRange(configDiagnostics);
        config = config with
        {
            OfflineZip = options.Zip || config.OfflineZip,
            Theme = options.Theme ?? config.Theme,
            BaseUrl = options.BaseUrl is null ? config.BaseUrl : SiteConfigLoader.NormalizeBaseUrl(options.BaseUrl),
        };

        // 2. Import raw listings into the Markdown archive (the importer skips when nothing changed).
        Step("import");
        var import = ArchiveImporter.Import(new ImportOptions(options.InputDir, options.ArchiveDir)
        {
            Progress = options.Progress is null ? null : new CallbackProgress<(int Done, int Total)>(p => options.Progress.Report(new BuildProgress("import", p.Done, p.Total))),
        });
        diagnostics.AddRange(import.Diagnostics);
        var archive = import.Archive;

        // 3. Topics, normalised keywords and similar papers.
        Step("topics");
        var (topics, topicDiagnostics) = TopicRules.Load(Path.Combine(options.InputDir, "topics.yml"));
        diagnostics.AddRange(topicDiagnostics);
        var topicResult = TopicAnalyzer.Run(archive, topics);
        diagnostics.AddRange(topicResult.Diagnostics);
        var analysis = topicResult.Analysis;
        if (topics.Count > 0 && !topicDiagnostics.Any(d => d.Severity == Severity.Error))
        {
            // Topic pages belong to the archive (readable on GitHub); not rewritten from broken rules.
            TopicPageWriter.Write(archive, analysis, options.ArchiveDir);
        }

        // 4. Theme: the site's overrides in input/theme/ in front of themes/<name>/.
        Step("theme");
        Theme theme;
        try
        {
            theme = Theme.Load(ResolveThemesDir(options.ThemesDir), config.Theme, Path.Combine(options.InputDir, "theme"));
        }
        catch (ThemeException e)
        {
            diagnostics.Add(e.Diagnostic);
            return new BuildReport(0, 0, archive.Papers.Count, archive.Days.Count, clock.Elapsed, !import.Skipped, diagnostics, Published: false) { Steps = steps };
        }

        // 5. Render into a fresh folder beside the output, so an interrupted build never leaves half a site.
        Step("render");
        using var staging = StagingDirectory.Create(options.OutputDir);
        var render = Render(archive, analysis, config, theme, staging.Path, PageSources(),
            options.Progress is null ? null : new CallbackProgress<(int Done, int Total)>(p => options.Progress.Report(new BuildProgress("pages", p.Done, p.Total))));
        diagnostics.AddRange(render.Diagnostics);
        // Data problems (import, topics, config) are reported but still publish what was good;
        // these block publishing: a theme that fails, a site over budget, links under --strict.
        var blocking = new List<Diagnostic>(render.Diagnostics.Where(d => d.Severity == Severity.Error));

        // 6. Static search index.
        Step("search");
        var searchData = SearchIndexBuilder.Build(archive, analysis);
        var searchFiles = SearchIndexWriter.Write(searchData, staging.Path, SearchIndexOptions.Default);

        // 6b. "For you" term vectors, from the search index's statistics (Reader/README.md).
        Step("reader");
        var readerFiles = ReaderVectorWriter.Write(searchData, staging.Path);

        // 6c. The whole site as one zip to read from disk (--zip), before the size and link checks see it.
        var zipFiles = 0;
        if (config.OfflineZip)
        {
            Step("zip");
            OfflineZipWriter.Write(staging.Path, Path.Combine(staging.Path, SiteUrls.OfflineZip));
            zipFiles = 1;
        }

        // 7. Size budget (GitHub Pages refuses sites over 1 GB).
        Step("size");
        var (_, sizeError) = SiteSizeGuard.Check(staging.Path, config.SizeBudgetMb * SiteSizeGuard.MegaByte);
        if (sizeError is not null)
        {
            diagnostics.Add(sizeError);
            blocking.Add(sizeError);
        }

        // 8. Link and HTML check over everything written.
        Step("check");
        var checkDiagnostics = options.SkipCheck ? [] : SiteChecker.Summarize(SiteChecker.Check(staging.Path).Diagnostics);
        if (options.Strict)
        {
            diagnostics.AddRange(checkDiagnostics);
            blocking.AddRange(checkDiagnostics);
        }
        else
        {
            diagnostics.AddRange(checkDiagnostics.Select(d => d with { Severity = Severity.Warning }));
        }

        // 9. Swap the new site in, unless something blocking failed.
        Step("publish");
        var ok = blocking.Count == 0;
        if (ok)
        {
            staging.Publish();
        }
        Step("");
        return new BuildReport(render.Pages, render.Files + searchFiles.Count + readerFiles.Count + zipFiles, archive.Papers.Count, archive.Days.Count, clock.Elapsed, !import.Skipped, diagnostics, ok)
        {
            Steps = steps,
        };
    }

    /// <summary>Renders an in-memory archive into <paramref name="outputDir"/> (no import, no check): the entry point for tests and tools.</summary>
    public static RenderReport Render(ArchiveModel archive, ArchiveAnalysis analysis, SiteConfig config, Theme theme, string outputDir, IReadOnlyList<IPageSource>? sources = null, IProgress<(int Done, int Total)>? progress = null)
    {
        Directory.CreateDirectory(outputDir);
        var site = new SiteContext(archive, analysis, config);
        return SiteRenderer.Render(site, theme, sources ?? PageSources(), outputDir, progress);
    }

    /// <summary>The explicit folder, else <c>themes/</c> in the current directory, else the themes shipped beside the program.</summary>
    public static string ResolveThemesDir(string? themesDir)
    {
        if (themesDir is not null)
        {
            return themesDir;
        }
        if (Directory.Exists("themes"))
        {
            return "themes";
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "themes");
            if (Directory.Exists(Path.Combine(candidate, "default")))
            {
                return candidate;
            }
        }
        return "themes";
    }
}
