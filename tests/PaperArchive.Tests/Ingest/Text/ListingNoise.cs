namespace PaperArchive.Tests.Ingest;

/// <summary>Text built from the pieces the readers look for, so that random input reaches deep into the parsers.</summary>
public sealed record ListingNoise(string Text);
