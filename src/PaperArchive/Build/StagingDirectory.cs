namespace PaperArchive.Build;

/// <summary>
/// A build folder beside the output (<c>.site.building</c>). <see cref="Publish"/> swaps it in place
/// of the output (old site moved aside, then deleted); disposing without publishing deletes it, so
/// a failed or interrupted build leaves the previous site untouched.
/// </summary>
public sealed class StagingDirectory : IDisposable
{
    private readonly string _output;
    private bool _published;

    private StagingDirectory(string output, string path)
    {
        _output = output;
        Path = path;
    }

    public string Path { get; }

    public static StagingDirectory Create(string outputDir)
    {
        var output = System.IO.Path.GetFullPath(outputDir).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var parent = System.IO.Path.GetDirectoryName(output)!;
        var name = System.IO.Path.GetFileName(output);
        var path = System.IO.Path.Combine(parent, "." + name + ".building");
        Recover(output);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
        return new StagingDirectory(output, path);
    }

    public void Publish()
    {
        var old = OldPath(_output);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
        if (Directory.Exists(_output))
        {
            Directory.Move(_output, old);
        }
        Directory.Move(Path, _output);
        _published = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private static string OldPath(string output) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(output)!, "." + System.IO.Path.GetFileName(output) + ".old");

    /// <summary>
    /// A build killed between the two moves of <see cref="Publish"/> leaves no output folder, only the
    /// previous site set aside: put it back before anything else, so the old site is never lost.
    /// </summary>
    public static void Recover(string outputDir)
    {
        var output = System.IO.Path.GetFullPath(outputDir).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var old = OldPath(output);
        if (!Directory.Exists(output) && Directory.Exists(old))
        {
            Directory.Move(old, output);
        }
    }

    public void Dispose()
    {
        if (!_published && Directory.Exists(Path))
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the next build, which clears it first.
            }
        }
    }
}
