using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>The analysis plus what went wrong: invalid rules are errors, a topic matching no paper is a warning.</summary>
public sealed record TopicAnalysisResult(ArchiveAnalysis Analysis, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every paper's own analysis (similarity terms, matching queries), for the next build's <see cref="TopicAnalyzer.Run"/>.</summary>
    public TopicAnalysisCache Cache { get; init; } = TopicAnalysisCache.Empty();
}
