using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Model;

namespace PaperArchive.Tests.Archive;

/// <summary>FsCheck generators for papers full of text that breaks naive YAML and Markdown writers.</summary>
internal static class ArchiveGenerators
{
    private static readonly string[] NastyPieces =
    [
        "yes", "no", "null", "~", "Null", "true", "False", "on", "off", "2401.00001", "1e3", "0x1F", "-0", ".inf", "NaN",
        ": ", "#", " # ", "- ", "? ", "! ", "&anchor", "*alias", "%YAML", "---", "...", "|", ">", "'", "\"", "\\", "\\n", "\\u0041",
        "{", "}", "[", "]", ",", "@", "`", "$x^2$", "$$", "{{ page.title }}", "{% raw %}", "<b>", "</div>", "<script>alert(1)</script>",
        "[link](http://x.y)", "![img](a.png)", "**bold**", "_it_", "__u__", "~~s~~", "`code`", "```", "&amp;", "&#x41;", ":smile:",
        "1. ", "1) ", "+ ", "* ", "> ", "=== ", "| a | b |", "\\*", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029",
        "\u00A0", "\uFEFF", "\0", "\u0001", "\u0007", "\u001B", "\u007F", "\u009F", "\uFFFE", "\uFFFF", "\uFDD0",
        "שלום", "مرحبا", "\u202Eevil\u202C", "e\u0301", "\u0308", "👍", "👨‍👩‍👧", "🏳️‍🌈", "𝔘𝔫𝔦", "日本語", "한국어",
        "\uD800", "\uDC00", "\uDBFF\uDBFF", "\U0010FFFF", "\U0001FFFE",
        "Café", "Jürgen Schmidhuber", "O'Brien", "x", "Attention Is All You Need",
    ];

    public static Gen<string> Text { get; } = Gen.Frequency(
        (6, Gen.Elements(NastyPieces)),
        (3, ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString())),
        (2, Gen.Elements("a", "b", "c", " ", "z", "0", "9", ".", "-"))).ListOf()
        .Select(parts => string.Concat(parts));

    public static Gen<string> LongText { get; } = Gen.Frequency(
        (60, Text),
        (1, Text.Select(t => string.Concat(Enumerable.Repeat(t + " lorem ipsum ", 300)))));

    public static Gen<string?> OptionalText { get; } = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t)));

    public static Gen<string> Id { get; } = Gen.Frequency(
        (4, from yy in Gen.Choose(7, 99) from mm in Gen.Choose(1, 12) from n in Gen.Choose(0, 99999) select $"{yy:00}{mm:00}.{n:00000}"),
        (1, Gen.Choose(0, 0xFFFFFF).Select(n => "t-" + n.ToString("x12"))),
        (1, Gen.Choose(9101, 9912).Select(n => $"hep-th/{n:0000}001")),
        (1, Text.Where(t => t.Length > 0)));

    public static Gen<DateOnly> Date { get; } = Gen.Choose(0, 40000).Select(n => new DateOnly(1990, 1, 1).AddDays(n));

    public static Gen<int?> Count { get; } = Gen.Frequency(
        (1, Gen.Constant<int?>(null)),
        (4, Gen.Choose(0, 5000).Select(n => (int?)n)),
        (1, Gen.Elements<int?>(int.MaxValue, int.MinValue, -1)));

    public static Gen<Author> Author { get; } = Text.Zip(OptionalText).Select(t => new Author(t.Item1, t.Item2));

    public static Gen<CountSnapshot> Snapshot { get; } =
        from d in Date from u in Count from c in Count select new CountSnapshot(d, u, c);

    private static Gen<ValueList<T>> List<T>(Gen<T> item, int max) =>
        Gen.Choose(0, max).SelectMany(n => item.ListOf(n)).Select(l => l.ToValueList());

    private static Gen<ValueList<T>> SmallList<T>(Gen<T> item) =>
        Gen.Frequency((2, Gen.Constant(ValueList<T>.Empty)), (3, List(item, 4)));

    public static Gen<Paper> Paper { get; } =
        from id in Id
        from arxiv in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Id.Select(i => (string?)i)))
        from title in LongText
        from abs in Gen.Frequency((1, Gen.Constant<string?>(null)), (4, LongText.Select(t => (string?)t)))
        from authors in Gen.Frequency((1, Gen.Constant(ValueList<Author>.Empty)), (3, List(Author, 8)), (1, Gen.Constant(Enumerable.Range(0, 300).Select(i => new Author("Author " + i, i % 7 == 0 ? "user" + i : null)).ToValueList())))
        from authorCount in Count
        from org in OptionalText
        from orgHandle in OptionalText
        from published in Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (2, Date.Select(d => (DateOnly?)d)))
        from listed in SmallList(Date)
        from snaps in SmallList(Snapshot)
        from submitter in OptionalText
        from summary in OptionalText
        from keywords in SmallList(Text)
        from repo in OptionalText
        from stars in Count
        from project in OptionalText
        from thumb in OptionalText
        from media in SmallList(Text)
        select new Paper
        {
            Id = id,
            ArxivId = arxiv,
            Title = title,
            Abstract = abs,
            Authors = authors,
            AuthorCount = authorCount,
            Organization = org,
            OrganizationHandle = orgHandle,
            PublishedOn = published,
            ListedOn = listed,
            Snapshots = snaps,
            SubmittedBy = submitter,
            AiSummary = summary,
            AiKeywords = keywords,
            GithubRepo = repo,
            GithubStars = stars,
            ProjectPage = project,
            Thumbnail = thumb,
            MediaUrls = media,
        };

    /// <summary>A whole archive: papers with distinct file names, days listing some of them (and an unknown id now and then).</summary>
    public static Gen<ArchiveModel> Archive { get; } =
        from papers in Paper.ListOf()
        from days in Date.Zip(Id.ListOf()).ListOf()
        select Build(papers, days);

    private static ArchiveModel Build(IEnumerable<Paper> papers, IEnumerable<(DateOnly, List<string>)> days)
    {
        var distinct = papers
            .Select(PaperArchive.Archive.ArchiveText.Sanitize)
            .Where(p => p.Id.Trim().Length > 0)
            .DistinctBy(p => PaperArchive.Archive.ArchiveLayout.PaperFileName(p.Id).ToLowerInvariant())
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToValueList();
        var ids = distinct.Select(p => p.Id).ToArray();
        var dayList = days
            .DistinctBy(d => d.Item1)
            .OrderBy(d => d.Item1)
            .Select((d, i) => new DayListing(d.Item1, (ids.Length > 0 && i % 3 != 2
                ? d.Item2.Select((x, j) => ids[(x.Length + j) % ids.Length]).Distinct()
                : d.Item2.Select(PaperArchive.Archive.ArchiveText.Sanitize)).ToValueList()))
            .ToValueList();
        return new ArchiveModel(distinct, dayList);
    }
}
