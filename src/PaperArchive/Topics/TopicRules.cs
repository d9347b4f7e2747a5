using PaperArchive.Common;
using PaperArchive.Model;

namespace PaperArchive.Topics;

/// <summary>Loads <c>topics.yml</c>. TODO(topics): not implemented yet.</summary>
public static class TopicRules
{
    /// <summary>A missing file gives no topics and no diagnostics.</summary>
    public static (IReadOnlyList<Topic> Topics, IReadOnlyList<Diagnostic> Diagnostics) Load(string path) => ([], []);
}
