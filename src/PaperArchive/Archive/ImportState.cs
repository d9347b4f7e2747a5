using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PaperArchive.Common;

namespace PaperArchive.Archive;

/// <summary>
/// <c>archive/.import-state.json</c>: what the last import read and wrote, so that an import with the
/// same inputs over an untouched archive can be skipped. Input paths are relative to the listings
/// folder and the file holds no times, so it is the same on every machine and can be committed.
/// An import that reported errors never counts as up to date (the errors should be seen again).
/// </summary>
internal sealed record ImportState(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("inputs")] IReadOnlyList<ImportState.Input> Inputs,
    [property: JsonPropertyName("archive_sha256")] string ArchiveDigest,
    [property: JsonPropertyName("had_errors")] bool HadErrors)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        IndentSize = 2,
    };

    internal sealed record Input(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("sha256")] string Sha256);

    /// <summary>The inputs as they are now; a file that cannot be hashed gets an empty hash (it will be reported by the reader).</summary>
    public static IReadOnlyList<Input> Describe(string listingsDir, IReadOnlyList<string> files)
    {
        var inputs = new Input[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var rel = System.IO.Path.GetRelativePath(listingsDir, files[i]).Replace('\\', '/');
            try
            {
                using var stream = File.OpenRead(files[i]);
                var size = stream.Length;
                inputs[i] = new Input(rel, size, Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                inputs[i] = new Input(rel, -1, "");
            }
        });
        return inputs;
    }

    public static ImportState? Load(string archiveDir)
    {
        var path = System.IO.Path.Combine(archiveDir, ArchiveLayout.StateFile);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ImportState>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            // A damaged state file only costs a full import.
            return null;
        }
    }

    public void Save(string archiveDir) =>
        AtomicFile.WriteIfChanged(System.IO.Path.Combine(archiveDir, ArchiveLayout.StateFile), JsonSerializer.Serialize(this, Json) + "\n");

    public bool Matches(IReadOnlyList<Input> inputs, string archiveDigest) =>
        !HadErrors &&
        Format == ArchiveLayout.FormatVersion &&
        ArchiveDigest == archiveDigest &&
        Inputs.Count == inputs.Count &&
        Inputs.Zip(inputs).All(pair => pair.First == pair.Second);
}
