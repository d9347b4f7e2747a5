namespace PaperArchive.Rendering.Model;

/// <summary>A citation file beside a page (the <c>exports</c> function): <c>format</c> "bib"/"ris", <c>label</c> "BibTeX"/"RIS", <c>media_type</c>, <c>url</c> (site path).</summary>
public sealed record ExportLinkModel(string Format, string Label, string MediaType, string Url)
{
    public static readonly IReadOnlyList<(string Format, string Label, string MediaType)> Formats =
    [
        ("bib", "BibTeX", "application/x-bibtex"),
        ("ris", "RIS", "application/x-research-info-systems"),
    ];
}
