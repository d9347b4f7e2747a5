using FsCheck;
using FsCheck.Fluent;
using PaperArchive.Rendering;

namespace PaperArchive.Tests.Rendering;

public class SlugDirectoryTests
{
    [Fact]
    public void Colliding_names_get_distinct_slugs_most_frequent_keeps_plain()
    {
        var d = new SlugDirectory(["Grace Hopper", "Grace  Hopper.", "Grace Hopper", "grace-hopper-2", "GRACE HOPPER"]);
        Assert.Equal("grace-hopper", d["Grace Hopper"]);
        Assert.Equal("grace-hopper-2", d["grace-hopper-2"]);
        // "grace-hopper-2" is taken by a real name, so the next spellings skip it.
        Assert.Equal("grace-hopper-3", d["GRACE HOPPER"]);
        Assert.Equal("grace-hopper-4", d["Grace  Hopper."]);
    }

    [Fact]
    public void Slugs_are_unique_and_independent_of_order()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(12345, 679);
        Prop.ForAll(
            Gen.ListOf(Gen.Elements("Ann Lee", "ann lee", "Ann-Lee", "Bo", "bo", "Bo 2", "bo-2", "张伟", "李娜", "Zoë", "Zoe", "x")).ToArbitrary(),
            names =>
            {
                var a = new SlugDirectory(names);
                var b = new SlugDirectory(names.AsEnumerable().Reverse());
                var distinct = names.Distinct(StringComparer.Ordinal).ToList();
                var slugs = distinct.Select(n => a[n]).ToList();
                return slugs.Distinct(StringComparer.Ordinal).Count() == distinct.Count
                    && distinct.All(n => a[n] == b[n]);
            }).Check(config);
    }
}
