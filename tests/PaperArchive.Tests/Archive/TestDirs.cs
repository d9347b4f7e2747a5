namespace PaperArchive.Tests.Archive;

/// <summary>Paths the archive tests use: the repository root (found by walking up to PaperArchive.sln) and temp folders.</summary>
internal static class TestDirs
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static string Golden => Path.Combine(RepoRoot, "tests", "PaperArchive.Tests", "Archive", "Golden");

    public static bool UpdateGolden => Environment.GetEnvironmentVariable("PAPERARCHIVE_UPDATE_GOLDEN") == "1";

    /// <summary>A fresh empty folder, deleted when disposed.</summary>
    public static TempDir Temp() => new();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperArchive.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("PaperArchive.sln not found above " + AppContext.BaseDirectory);
    }

    internal sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperarchive-tests", Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Sub(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
