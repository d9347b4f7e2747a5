namespace PaperArchive.Model;

/// <summary>A named author. <paramref name="HfUser"/> is the Hugging Face account of a claimed author.</summary>
public sealed record Author(string Name, string? HfUser = null);
