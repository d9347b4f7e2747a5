namespace PaperArchive.Tests;

/// <summary>Locates the repository (the folder holding PaperArchive.sln) from the test binaries.</summary>
public static class TestPaths
{
    public static string RepoRoot
    {
        get
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

    public static string Themes => Path.Combine(RepoRoot, "themes");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>A fresh empty temp folder, deleted when disposed.</summary>
    public static TempDir Temp() => new();

    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperarchive-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

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
