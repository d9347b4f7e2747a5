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

    // PAPERARCHIVE_MEMORY_TRACE=1: live heap (after a full collection), working set and peak at the start of each step, on stderr.
    private static readonly bool TraceMemory = Environment.GetEnvironmentVariable("PAPERARCHIVE_MEMORY_TRACE") == "1";

    private static void MemoryTrace(string step, TimeSpan at)
    {
        if (!TraceMemory)
        {
            return;
        }
        var live = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.Error.WriteLine(FormattableString.Invariant(
            $"memory: {at.TotalSeconds,6:F1} s before {step,-8} live {live >> 20,6} MB, working set {process.WorkingSet64 >> 20,6} MB, peak {process.PeakWorkingSet64 >> 20,6} MB"));
    }

    public static BuildReport Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        // Checked between steps and while pages render: keeps an archive-scale build's heap near what is live.
        var heap = new HeapCeiling();
        var diagnostics = new List<Diagnostic>();
        var steps = new List<(string Step, TimeSpan Elapsed)>();
        var stepName = "";
        var stepStart = TimeSpan.Zero;
        // Above StreamAbovePapers each step starts from a compacted heap: a step's garbage (the topics step leaves
        // ~800 MB at 100,000 papers) otherwise lingers under the ceiling into the next step's own peak
        // (100,000 papers: 2,137 MB peak RSS without, 1,719 MB with a full collection between steps).
        var large = false;
        void Step(string name)
        {
            if (stepName.Length > 0)
            {
                steps.Add((stepName, clock.Elapsed - stepStart));
            }
            if (large)
            {
                heap.Collect();
            }
            else
            {
                heap.Check();
            }
            (stepName, stepStart) = (name, clock.Elapsed);
            options.Progress?.Report(new BuildProgress(name, 0, 0));
            MemoryTrace(name, clock.Elapsed);
        }

        // 1. Configuration: input/site.yml, overridden by the command line.
        Step("config");
        var (config, configDiagnostics) = LoadConfig(options);
        diagnostics.AddRange(configDiagnostics);

        // 2-3. Import and analysis, unless a long-running caller (serve) has them from a build whose data is unchanged.
        var cached = options.Cache?.Get();
        var dataUnchanged = cached is { Published: true };
        ArchiveModel archive;
        ArchiveAnalysis analysis;
        ArchivePageCache? pageCache = null;
        byte[]? topicCacheBytes = null;
        bool imported;
        if (cached is not null)
        {
            Step("import");
            (archive, analysis, imported) = (cached.Archive, cached.Analysis, false);
            diagnostics.AddRange(cached.Diagnostics);
        }
        else
        {
            var dataDiagnostics = new List<Diagnostic>();
            // 2. Import raw listings into the Markdown archive (the importer skips when nothing changed).
            Step("import");
            var import = ArchiveImporter.Import(new ImportOptions(options.InputDir, options.ArchiveDir)
            {
                Cache = options.Incremental ? ArchivePageCache.Load(PageCachePath(options.OutputDir)) : null,
                Progress = options.Progress is null ? null : new CallbackProgress<(int Done, int Total)>(p => options.Progress.Report(new BuildProgress("import", p.Done, p.Total))),
            });
            dataDiagnostics.AddRange(import.Diagnostics);
            archive = import.Archive;
            large = archive.Papers.Count > StreamAbovePapers;
            imported = !import.Skipped;
            pageCache = import.Cache;

            // 3. Topics, normalised keywords and similar papers.
            Step("topics");
            var (topics, topicDiagnostics) = TopicRules.Load(Path.Combine(options.InputDir, "topics.yml"));
            dataDiagnostics.AddRange(topicDiagnostics);
            // Papers analysed by the published build (same engine, same analysed fields) are not analysed again.
            var topicResult = TopicAnalyzer.Run(archive, topics, cache: options.Incremental ? TopicAnalysisCache.Load(TopicCachePath(options.OutputDir)) : null);
            // Serialised now and let go of: its terms would otherwise stay in memory through rendering.
            topicCacheBytes = topicResult.Cache?.ToBytes();
            dataDiagnostics.AddRange(topicResult.Diagnostics);
            analysis = topicResult.Analysis;
            if (topics.Count > 0 && !topicDiagnostics.Any(d => d.Severity == Severity.Error))
            {
                // Topic pages belong to the archive (readable on GitHub); not rewritten from broken rules.
                TopicPageWriter.Write(archive, analysis, options.ArchiveDir);
            }
            diagnostics.AddRange(dataDiagnostics);
            cached = new BuildCache.Entry(archive, analysis, imported, dataDiagnostics);
            options.Cache?.Set(cached);
        }

        // 4. Theme: the site's overrides in input/theme/ in front of themes/<name>/.
        Step("theme");
        options.Cancellation.ThrowIfCancellationRequested();
        Theme theme;
        try
        {
            theme = LoadTheme(options, config);
        }
        catch (ThemeException e)
        {
            diagnostics.Add(e.Diagnostic);
            return new BuildReport(0, 0, archive.Papers.Count, archive.Days.Count, clock.Elapsed, imported, diagnostics, Published: false) { Steps = steps };
        }

        // 5. Render into a fresh folder beside the output, so an interrupted build never leaves half a site.
        //    Pages whose inputs are unchanged since the published build are hard-linked from it, not rendered.
        Step("render");
        RenderTrace.Mark("(render step starts)");
        using var staging = StagingDirectory.Create(options.OutputDir);
        var previous = options.Incremental ? RenderManifest.Load(options.OutputDir) : null;
        RenderTrace.Mark("manifest loaded");
        // With the published site's manifest, the site is updated in place: staging receives only the
        // files that changed, and publishing moves them over (see StagingDirectory.PublishInPlace).
        var files = new SiteFileWriter(staging.Path, previous is null ? null : Path.GetFullPath(options.OutputDir), previous?.Files);
        // Step 6 reads only the data, so on an archive of ordinary size it runs beside rendering: rendering has serial
        // stretches (listing the outputs, the manifest, the sitemaps) where a core would otherwise wait. Above
        // StreamAbovePapers the two steps' data would not fit in memory together, so they run one after the other.
        var keepSearch = dataUnchanged && previous is not null ? KeepSearch(previous, files) : null;
        Task<(IReadOnlyList<string> Search, IReadOnlyList<string> Reader, byte[]? CacheBytes)>? searchBeside = null;
        if (keepSearch is null && archive.Papers.Count <= StreamAbovePapers)
        {
            searchBeside = Task.Factory.StartNew(() => WriteSearch(archive, analysis, files, options, heap, _ => { }),
                options.Cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        (RenderReport Report, RenderedPageChecker? Checker) rendered;
        try
        {
            rendered = RenderSite(archive, analysis, config, theme, staging.Path, files, previous, options, heap, () => MemoryTrace("(pages listed)", clock.Elapsed));
        }
        catch when (searchBeside is not null)
        {
            // Not left writing into the staging folder that is about to be deleted; its own failure is of no interest now.
            try
            {
                searchBeside.Wait();
            }
            catch (AggregateException)
            {
            }
            throw;
        }
        var (render, checker) = rendered;
        diagnostics.AddRange(render.Diagnostics);
        // Data problems (import, topics, config) are reported but still publish what was good;
        // these block publishing: a theme that fails, a site over budget, links under --strict.
        var blocking = new List<Diagnostic>(render.Diagnostics.Where(d => d.Severity == Severity.Error));

        // 6. Static search index.
        //    It depends on the data only: when the published site was built from the same data (serve, theme edit), its index is kept.
        Step("search");
        options.Cancellation.ThrowIfCancellationRequested();
        //    The "For you" vectors (Reader/README.md) come from the same statistics and are kept with it.
        IReadOnlyList<string> searchFiles;
        IReadOnlyList<string> readerFiles;
        byte[]? searchCacheBytes = null;
        if (keepSearch is { } kept)
        {
            (searchFiles, readerFiles) = kept;
        }
        else if (searchBeside is not null)
        {
            (searchFiles, readerFiles, searchCacheBytes) = searchBeside.GetAwaiter().GetResult();
            Step("reader");
        }
        else
        {
            (searchFiles, readerFiles, searchCacheBytes) = WriteSearch(archive, analysis, files, options, heap, Step);
        }

        // Every file of the new site (the zip aside), and where each is now: staged, or kept in the published site.
        var sitePaths = render.Paths.Concat(searchFiles).Concat(readerFiles).ToList();
        // Updating in place, staging holds only what changed: listed once, not asked about file by file.
        var staged = files.PublishedSite is null ? null : StagedPaths(staging.Path);
        string Locate(string path)
        {
            var file = Path.Combine(staging.Path, path);
            return staged is null || staged.Contains(path) ? file : Path.Combine(files.PublishedSite!, path);
        }
        IEnumerable<(string Path, string File)> SiteFiles() => sitePaths.Select(p => (p, Locate(p)));

        // 6c. The whole site as one zip to read from disk (--zip), before the size and link checks see it.
        var zipFiles = 0;
        if (config.OfflineZip)
        {
            Step("zip");
            OfflineZipWriter.Write(SiteFiles(), Path.Combine(staging.Path, SiteUrls.OfflineZip));
            files.Adopt(SiteUrls.OfflineZip);
            zipFiles = 1;
            if (staged is not null && File.Exists(Path.Combine(staging.Path, SiteUrls.OfflineZip)))
            {
                staged.Add(SiteUrls.OfflineZip);
            }
            sitePaths.Add(SiteUrls.OfflineZip);
        }

        // 7. Size budget (GitHub Pages refuses sites over 1 GB).
        Step("size");
        // Updating in place, the published site's files that the new site no longer has (deleted when publishing).
        var stale = previous is null || files.PublishedSite is null ? [] : previous.AllPaths().Except(sitePaths, StringComparer.Ordinal).ToList();
        var siteBytes = (staged is not null && previous is { Bytes: > 0 }
            ? SiteSizeGuard.Update(previous.Bytes, previous.AllPaths().ToHashSet(StringComparer.Ordinal), files.PublishedSite!, staging.Path, staged, stale)
            : null) ?? SiteSizeGuard.Measure(sitePaths.Select(Locate));
        var sizeError = SiteSizeGuard.Check(siteBytes, options.OutputDir, config.SizeBudgetMb * SiteSizeGuard.MegaByte);
        if (sizeError is not null)
        {
            diagnostics.Add(sizeError);
            blocking.Add(sizeError);
        }

        // 8. Link and HTML check of the pages rendered (collected while rendering); a page kept from the
        //    last build reports the problems found when it was rendered.
        Step("check");
        var problems = new SortedDictionary<string, IReadOnlyList<PageProblem>>(StringComparer.Ordinal);
        if (checker is not null)
        {
            var written = sitePaths.ToHashSet(StringComparer.Ordinal);
            foreach (var (page, list) in checker.Finish(staging.Path, written))
            {
                problems[page] = list;
            }
            if (previous is not null && render.Manifest is not null)
            {
                foreach (var (page, list) in previous.Problems)
                {
                    if (render.Manifest.Pages.TryGetValue(page, out var now) && previous.Pages.TryGetValue(page, out var was) && ReferenceEquals(now, was))
                    {
                        problems[page] = list;
                    }
                }
            }
        }
        var checkDiagnostics = SiteChecker.Summarize(problems
            .SelectMany(kv => kv.Value.Select(p => Diagnostic.Error(kv.Key, p.Location, p.Message)))
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Location, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList());
        if (options.Strict)
        {
            diagnostics.AddRange(checkDiagnostics);
            blocking.AddRange(checkDiagnostics);
        }
        else
        {
            diagnostics.AddRange(checkDiagnostics.Select(d => d with { Severity = Severity.Warning }));
        }
        // The manifest travels inside the site, so it is published (or thrown away) with the pages it describes.
        var manifest = render.Manifest! with
        {
            Problems = problems,
            Files = new SortedDictionary<string, string>(files.Hashes.ToDictionary(), StringComparer.Ordinal),
            Bytes = siteBytes,
        };
        manifest.Save(staging.Path);

        // 9. Swap the new site in (or move the changed files into it), unless something blocking failed.
        Step("publish");
        options.Cancellation.ThrowIfCancellationRequested();
        var ok = blocking.Count == 0;
        var changed = 0;
        if (ok)
        {
            if (files.PublishedSite is null)
            {
                staging.Publish();
                changed = manifest.Pages.Count + manifest.Files.Count;
            }
            else
            {
                changed = staging.PublishInPlace(stale);
            }
            // Parsed archive pages travel with the site (the next build's import parses only changed pages);
            // not part of the site's files, so not counted or listed, and only ever a shortcut (keyed by hashes).
            pageCache?.Save(PageCachePath(options.OutputDir));
            if (searchCacheBytes is not null)
            {
                SearchAnalysisCache.Write(SearchCachePath(options.OutputDir), searchCacheBytes);
            }
            if (topicCacheBytes is not null)
            {
                TopicAnalysisCache.Write(TopicCachePath(options.OutputDir), topicCacheBytes);
            }
            if (cached is not null)
            {
                options.Cache?.MarkPublished(cached);
            }
        }
        Step("");
        return new BuildReport(render.Pages, render.Files + searchFiles.Count + readerFiles.Count + zipFiles, archive.Papers.Count, archive.Days.Count, clock.Elapsed, imported, diagnostics, ok)
        {
            Steps = steps,
            Rendered = render.Rendered,
            Changed = changed,
            Bytes = siteBytes,
        };
    }

    /// <summary>Site paths of the files in a staging folder.</summary>
    private static HashSet<string> StagedPaths(string stagingDir) =>
        Directory.EnumerateFiles(stagingDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(stagingDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What <see cref="Build"/> would render now, without rendering or writing anything: steps 1, 4 and the
    /// set-up of step 5 over the archive and analysis in <see cref="BuildOptions.Cache"/>. The preview server
    /// renders the pages a reader has open from it (<see cref="SiteRenderPlan.RenderPage"/>) while the full
    /// build runs; the pages are the bytes the build will write. Only for theme edits: when the cache holds
    /// no data (nothing built yet, or a listing, site.yml or topics.yml changed) it returns
    /// <see cref="PreviewPlan.NeedsBuild"/> and the caller builds. A theme that cannot load gives its error.
    /// </summary>
    public static PreviewPlan Plan(BuildOptions options)
    {
        if (options.Cache?.Get() is not { } cached)
        {
            return PreviewPlan.NeedsBuild;
        }
        var (config, configDiagnostics) = LoadConfig(options);
        if (configDiagnostics.Any(d => d.Severity == Severity.Error))
        {
            // The cached data were analysed under the configuration as it was; a broken site.yml is a data change.
            return PreviewPlan.NeedsBuild;
        }
        var diagnostics = configDiagnostics.Concat(cached.Diagnostics).ToList();
        try
        {
            var theme = LoadTheme(options, config);
            // The pages depend on data and configuration only: one preview after another reuses them.
            var (site, pages) = options.Cache.Pages(cached, config, () =>
            {
                var context = new SiteContext(cached.Archive, cached.Analysis, config);
                return (context, SiteRenderPlan.CollectPages(context, PageSources()));
            });
            return new PreviewPlan(SiteRenderPlan.Create(site, theme, pages), diagnostics);
        }
        catch (ThemeException e)
        {
            return new PreviewPlan(null, [.. diagnostics, e.Diagnostic]);
        }
    }

    /// <summary>Step 1: input/site.yml, overridden by the command line.</summary>
    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) LoadConfig(BuildOptions options)
    {
        var (config, diagnostics) = SiteConfigLoader.Load(Path.Combine(options.InputDir, "site.yml"));
        return (config with
        {
            OfflineZip = options.Zip || config.OfflineZip,
            Theme = options.Theme ?? config.Theme,
            BaseUrl = options.BaseUrl is null ? config.BaseUrl : SiteConfigLoader.NormalizeBaseUrl(options.BaseUrl),
        }, diagnostics);
    }

    /// <summary>Step 4: the site's overrides in input/theme/ in front of themes/&lt;name&gt;/.</summary>
    private static Theme LoadTheme(BuildOptions options, SiteConfig config) =>
        Theme.Load(ResolveThemesDir(options.ThemesDir), config.Theme, Path.Combine(options.InputDir, "theme"));

    /// <summary>Renders an in-memory archive into <paramref name="outputDir"/> (no import, no check): the entry point for tests and tools.</summary>
    public static RenderReport Render(ArchiveModel archive, ArchiveAnalysis analysis, SiteConfig config, Theme theme, string outputDir, IReadOnlyList<IPageSource>? sources = null, IProgress<(int Done, int Total)>? progress = null)
    {
        Directory.CreateDirectory(outputDir);
        var site = new SiteContext(archive, analysis, config);
        return SiteRenderer.Render(site, theme, sources ?? PageSources(), outputDir, progress);
    }

    /// <summary>Archives with more papers than this render from a streamed plan (<see cref="SiteRenderPlan.CreateStreamed"/>).</summary>
    internal const int StreamAbovePapers = 40_000;

    /// <summary>
    /// Step 5 in a method of its own, so the template models and the plan (~280 MB at 100,000 papers) are let go of
    /// when it returns: locals of the long <see cref="Build"/> method may be kept alive to its end.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (RenderReport Report, RenderedPageChecker? Checker) RenderSite(ArchiveModel archive, ArchiveAnalysis analysis, SiteConfig config, Theme theme,
        string stagingDir, SiteFileWriter files, RenderManifest? previous, BuildOptions options, HeapCeiling heap, Action listed)
    {
        var siteContext = new SiteContext(archive, analysis, config);
        RenderTrace.Mark("site context");
        // Streamed above StreamAbovePapers: the sources are asked for their outputs again as pages render, so the template
        // data of 650,000 outputs (a 100,000-paper site) are never all in memory at once (~430 MB there). Below it the
        // outputs are listed once and kept (~70 MB at 20,000 papers): a second listing is serial work that an incremental
        // build, which renders few pages, would mostly wait on.
        var plan = archive.Papers.Count > StreamAbovePapers
            ? SiteRenderPlan.CreateStreamed(siteContext, theme, PageSources())
            : SiteRenderPlan.Create(siteContext, theme, PageSources());
        var checker = options.SkipCheck ? null : new RenderedPageChecker(plan.SitePaths);
        RenderTrace.Mark("plan (outputs listed)");
        listed();
        var render = SiteRenderer.Render(plan, stagingDir,
            options.Progress is null ? null : new CallbackProgress<(int Done, int Total)>(p => options.Progress.Report(new BuildProgress("pages", p.Done, p.Total))),
            new RenderOptions
            {
                PreviousSite = previous is null ? null : options.OutputDir,
                Previous = previous,
                Global = GlobalKey(config, theme),
                Inspect = checker is null ? null : checker.Inspect,
                Files = files,
                Cancellation = options.Cancellation,
                Checkpoint = () => heap.Check(),
            });
        RenderTrace.Mark("render loop, manifest, sitemaps");
        return (render, checker);
    }

    /// <summary>
    /// Step 6 from scratch: the search index and, from the same statistics, the "For you" vectors (step 6b). Papers analysed
    /// for the published site are not analysed again (a shortcut: same terms, same bytes); the analysis cache's new bytes
    /// are returned for publishing.
    /// </summary>
    private static (IReadOnlyList<string> Search, IReadOnlyList<string> Reader, byte[]? CacheBytes) WriteSearch(ArchiveModel archive, ArchiveAnalysis analysis,
        SiteFileWriter files, BuildOptions options, HeapCeiling heap, Action<string> step)
    {
        var cache = options.Incremental ? SearchAnalysisCache.Load(SearchCachePath(options.OutputDir)) : null;
        var searchData = SearchIndexBuilder.Build(archive, analysis, cache, () => heap.Check());
        heap.Check();
        // The index's text (~160 MB as strings at 100,000 papers) is let go of once written, before the reader step.
        var searchPaths = SearchIndexWriter.Write(searchData, SearchIndexOptions.Default, files, cache);
        step("reader");
        var readerPaths = WriteAll(ReaderVectorWriter.Render(searchData), SiteUrls.ReaderDir);
        return (searchPaths, readerPaths, cache?.ToBytes());

        List<string> WriteAll(SortedDictionary<string, string> rendered, string dir)
        {
            // Thousands of small files: creating them is mostly system time, which two threads halve.
            Parallel.ForEach(rendered, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, Environment.ProcessorCount) },
                file => files.Write(dir + "/" + file.Key, file.Value));
            return [.. rendered.Keys.Select(n => dir + "/" + n)];
        }
    }

    /// <summary>
    /// The data is the one the published site was built from (serve, after a theme edit): its search index and
    /// "For you" vectors stay as they are. Null when the published site lacks any of them (then they are written).
    /// </summary>
    private static (IReadOnlyList<string> Search, IReadOnlyList<string> Reader)? KeepSearch(RenderManifest previous, SiteFileWriter files)
    {
        var search = previous.Files.Keys.Where(p => p.StartsWith(SiteUrls.SearchIndexDir + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var reader = previous.Files.Keys.Where(p => p.StartsWith(SiteUrls.ReaderDir + "/", StringComparison.Ordinal) && ReaderVectorWriter.IsVectorFile(p[(SiteUrls.ReaderDir.Length + 1)..]))
            .Order(StringComparer.Ordinal).ToList();
        if (search.Count == 0 || reader.Count == 0 || files.PublishedSite is null)
        {
            return null;
        }
        foreach (var path in search.Concat(reader))
        {
            if (!files.Keep(path))
            {
                return null;
            }
        }
        return (search, reader);
    }

    private static string SearchCachePath(string siteDir) =>
        Path.Combine(siteDir, Path.GetDirectoryName(RenderManifest.RelativePath)!, SearchAnalysisCache.FileName);

    private static string TopicCachePath(string siteDir) =>
        Path.Combine(siteDir, Path.GetDirectoryName(RenderManifest.RelativePath)!, TopicAnalysisCache.FileName);

    private static string PageCachePath(string siteDir) =>
        Path.Combine(siteDir, Path.GetDirectoryName(RenderManifest.RelativePath)!, ArchivePageCache.FileName);

    /// <summary>
    /// What every page depends on besides its own inputs: this program (a new version may render
    /// differently), the configuration and the theme's name and defaults. (Which files a page's templates
    /// came from is recorded per page, so adding an override folder only re-renders what it overrides.)
    /// </summary>
    internal static string GlobalKey(SiteConfig config, Theme theme) =>
        PageFingerprint.Hash(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            Engine = typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
            Config = config,
            Theme = theme.Name,
            Defaults = theme.Defaults.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray(),
        })));

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
