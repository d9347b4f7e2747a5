namespace PaperArchive.Tests.Rendering;

public class DeterminismTests
{
    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var a = RenderHarness.Default();
        using var b = RenderHarness.Default();
        var filesA = Directory.GetFiles(a.Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a.Site, f)).Order(StringComparer.Ordinal).ToList();
        var filesB = Directory.GetFiles(b.Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b.Site, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(filesA, filesB);
        Assert.True(filesA.Count > 20);
        foreach (var f in filesA)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a.Site, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Site, f))), f + " differs");
        }
    }
}
