namespace Chikaya.Domain.Territories;

/// <summary>
/// Reads the territories file: <c>code,kind,parent_code,name_fr,name_ar</c> with a header row,
/// UTF-8, fields optionally in double quotes.
/// </summary>
public static class TerritoryCsv
{
    public sealed record Row(int Line, Territory? Territory, string? Error);

    public static IEnumerable<Row> Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null || !header.TrimStart('\uFEFF').StartsWith("code,kind,parent_code", StringComparison.Ordinal))
        {
            yield return new Row(1, null, "territories.csv.header");
            yield break;
        }
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(lineNumber, SplitCsvLine(line));
        }
    }

    private static Row Parse(int line, IReadOnlyList<string> fields)
    {
        if (fields.Count != 5) return new Row(line, null, "territories.csv.field-count");
        if (!TryParseKind(fields[1], out var kind)) return new Row(line, null, "territories.csv.kind");
        if (fields[0].Length is 0 or > 40 || fields[3].Length == 0 || fields[4].Length == 0)
            return new Row(line, null, "territories.csv.required");
        return new Row(line, new Territory(fields[0], kind, fields[2], fields[3], fields[4]), null);
    }

    public static bool TryParseKind(string text, out TerritoryKind kind)
    {
        kind = text switch
        {
            "region" => TerritoryKind.Region,
            "prefecture" => TerritoryKind.Prefecture,
            "province" => TerritoryKind.Province,
            "arrondissements_prefecture" => TerritoryKind.ArrondissementsPrefecture,
            "commune" => TerritoryKind.Commune,
            "arrondissement" => TerritoryKind.Arrondissement,
            _ => (TerritoryKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    /// <summary>RFC 4180 fields: commas inside quotes, doubled quotes as one.</summary>
    public static IReadOnlyList<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
