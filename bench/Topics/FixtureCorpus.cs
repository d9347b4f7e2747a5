using System.Globalization;
using PaperArchive.Ingest;
using PaperArchive.Model;

namespace PaperArchive.Bench.Topics;

/// <summary>
/// The real fixtures as papers, and the synthetic corpus scaler.
/// </summary>
internal static class FixtureCorpus
{
    /// <summary>The API fixtures read and merged by the real importer.</summary>
    public static List<Paper> Load(string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "tests", "fixtures", "hf-api");
        var results = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(ListingReader.Read).ToList();
        return [.. PaperMerger.Merge(ArchiveModel.Empty, results).Archive.Papers];
    }

    /// <summary>
    /// <paramref name="count"/> synthetic papers: each takes the title of one real paper, the abstract
    /// sentences of two others and the keywords of a fourth, with a fresh id (fixed seed).
    /// </summary>
    public static List<Paper> Scale(IReadOnlyList<Paper> real, int count, int seed = 20260701)
    {
        var random = new Random(seed);
        var withAbstract = real.Where(p => !string.IsNullOrEmpty(p.Abstract)).ToList();
        var result = new List<Paper>(count);
        for (var i = 0; i < count; i++)
        {
            var t = real[random.Next(real.Count)];
            var a1 = withAbstract[random.Next(withAbstract.Count)].Abstract!;
            var a2 = withAbstract[random.Next(withAbstract.Count)].Abstract!;
            var k = real[random.Next(real.Count)];
            var half1 = a1[..(a1.Length / 2)];
            var half2 = a2[(a2.Length / 2)..];
            result.Add(t with
            {
                Id = "9" + (i / 100000).ToString("000", CultureInfo.InvariantCulture) + "." + (i % 100000).ToString("00000", CultureInfo.InvariantCulture),
                Title = t.Title + (i >= real.Count ? " " + (i % 97).ToString(CultureInfo.InvariantCulture) : ""),
                Abstract = half1 + half2,
                AiKeywords = k.AiKeywords,
            });
        }
        return result;
    }

    public static string FindRepoRoot()
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
