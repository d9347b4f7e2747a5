using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>Topics, normalised keywords and similar papers for the whole archive. TODO(topics): not implemented yet.</summary>
public static class TopicAnalyzer
{
    public static ArchiveAnalysis Analyze(ArchiveModel archive, IReadOnlyList<Topic> topics) => ArchiveAnalysis.Empty;
}
