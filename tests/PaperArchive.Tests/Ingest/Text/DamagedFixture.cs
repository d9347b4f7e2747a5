namespace PaperArchive.Tests.Ingest;

/// <summary>A fixture damaged the way real files get damaged: cut off, lines lost, lines shuffled, bytes flipped.</summary>
public sealed record DamagedFixture(string Fixture, int Kind, int Seed)
{
    public string Apply()
    {
        var text = IngestFixtures.Text(Fixture);
        var rnd = new Random(Seed);
        var lines = text.Split('\n').ToList();
        switch (Kind)
        {
            case 0:
                return text[..rnd.Next(text.Length)];
            case 1:
                for (var i = rnd.Next(1, 1 + Math.Max(1, lines.Count / 4)); i > 0 && lines.Count > 0; i--)
                {
                    lines.RemoveAt(rnd.Next(lines.Count));
                }
                return string.Join('\n', lines);
            case 2:
                return string.Join('\n', lines.OrderBy(_ => rnd.Next()));
            case 3:
                const string noise = "·•[]()<>\"'{}\n\\-0123456789 ";
                var chars = text.ToCharArray();
                for (var i = 0; i < 50; i++)
                {
                    chars[rnd.Next(chars.Length)] = noise[rnd.Next(noise.Length)];
                }
                return new string(chars);
            default:
                var start = rnd.Next(text.Length);
                return text[start..] + text[..start];
        }
    }
}
