using System.Text.Json.Serialization;
using PaperArchive.Rendering.Model;

namespace PaperArchive.Rendering;

/// <summary>
/// Compile-time JSON metadata for the values <see cref="PageFingerprint"/> hashes once per paper (the template
/// model and the archive record): twenty thousand papers serialise several times faster than through reflection.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(PaperModel))]
[JsonSerializable(typeof(PaperArchive.Model.Paper))]
internal sealed partial class FingerprintJson : JsonSerializerContext;
