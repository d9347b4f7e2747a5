using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperArchive.Archive;
using PaperArchive.Bench.Corpus;
using PaperArchive.Model;
using PaperArchive.Topics;

namespace PaperArchive.Bench.Scale;

/// <summary>
/// Inputs for <c>bench/scale/run.sh</c> (run by hand):
/// <list type="bullet">
/// <item><c>listings PAPERS PER_DAY DIR</c>: a deterministic input folder (<c>DIR/input/</c>: site.yml, the repository's
/// topics.yml, one raw API listing per weekday under <c>listings/YYYY/</c>), scaled from the real fixtures; the newest day
/// is held back in <c>DIR/next/</c> for the incremental run (the daily job adds exactly one such file).</item>
/// <item><c>hugo INPUT ARCHIVE DIR</c>: the same archive as a Hugo site (content + config) for the peer timing; the
/// theme is <c>bench/scale/hugo/</c>.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var repo = FindRepo();
        switch (args.FirstOrDefault())
        {
            case "listings" when args.Length == 4:
                return Listings(repo, int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
            case "hugo" when args.Length == 4:
                return HugoExport.Write(args[1], args[2], args[3]);
            default:
                Console.Error.WriteLine("usage: listings PAPERS PER_DAY DIR | hugo INPUT_DIR ARCHIVE_DIR HUGO_DIR");
                return 2;
        }
    }

    private static int Listings(string repo, int papers, int perDay, string dir)
    {
        var fixtures = CorpusScaler.LoadFixtures(Path.Combine(repo, "tests", "fixtures"));
        var days = CorpusScaler.Listings(fixtures, papers, perDay, new DateOnly(2026, 7, 10));
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(Path.Combine(dir, "next"));
        Directory.CreateDirectory(input);
        // The repository's settings, but without GitHub Pages' 1 GB limit: a 100,000-paper site is ~4.3 GB, and the
        // bench times the build, not whether a host would take it.
        var siteYml = File.ReadAllText(Path.Combine(repo, "input", "site.yml"));
        File.WriteAllText(Path.Combine(input, "site.yml"), System.Text.RegularExpressions.Regex.Replace(
            siteYml, @"(?m)^size_budget_mb:.*$", "size_budget_mb: 65536  # bench: no host limit (see bench/scale/Generator)"));
        File.Copy(Path.Combine(repo, "input", "topics.yml"), Path.Combine(input, "topics.yml"), overwrite: true);
        for (var i = 0; i < days.Count; i++)
        {
            var (day, list) = days[i];
            var name = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json";
            var path = i == days.Count - 1
                ? Path.Combine(dir, "next", name)
                : Path.Combine(input, "listings", day.Year.ToString(CultureInfo.InvariantCulture), name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, ApiJson(day, list));
        }
        Console.WriteLine($"{papers} papers over {days.Count} days → {dir} (newest day {days[^1].Day:yyyy-MM-dd} held back in next/)");
        return 0;
    }

    /// <summary>The list the daily-papers API returns for a day (the fields our importer reads).</summary>
    private static byte[] ApiJson(DateOnly day, IReadOnlyList<Paper> papers)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var p in papers)
            {
                w.WriteStartObject();
                w.WritePropertyName("paper");
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteStartArray("authors");
                foreach (var a in p.Authors)
                {
                    w.WriteStartObject();
                    w.WriteString("name", a.Name);
                    if (a.HfUser is not null)
                    {
                        w.WriteStartObject("user");
                        w.WriteString("user", a.HfUser);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("publishedAt", p.PublishedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T17:00:00.000Z");
                w.WriteString("submittedOnDailyAt", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T03:00:00.000Z");
                w.WriteString("title", p.Title);
                w.WriteString("summary", p.Abstract);
                w.WriteNumber("upvotes", p.Upvotes ?? 0);
                if (p.AiSummary is not null)
                {
                    w.WriteString("ai_summary", p.AiSummary);
                }
                w.WriteStartArray("ai_keywords");
                foreach (var k in p.AiKeywords)
                {
                    w.WriteStringValue(k);
                }
                w.WriteEndArray();
                if (p.Organization is not null)
                {
                    w.WriteStartObject("organization");
                    w.WriteString("name", p.OrganizationHandle);
                    w.WriteString("fullname", p.Organization);
                    w.WriteEndObject();
                }
                w.WriteStartObject("submittedOnDailyBy");
                w.WriteString("user", p.SubmittedBy);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteString("title", p.Title);
                w.WriteNumber("numComments", p.Comments ?? 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return stream.ToArray();
    }

    internal static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
