using System.Text;

namespace Chikaya.Web.Infrastructure.Localization;

/// <summary>
/// The translations of one language, read from a gettext PO file. A PO file keeps every plural
/// form of a text, which Arabic needs: it has six.
/// </summary>
public sealed class PoCatalog
{
    private readonly Dictionary<string, string[]> _entries = new(StringComparer.Ordinal);

    public PoCatalog(string language, Func<int, int> pluralRule)
    {
        Language = language;
        PluralRule = pluralRule;
    }

    public string Language { get; }
    public Func<int, int> PluralRule { get; }
    public IReadOnlyCollection<string> Keys => _entries.Keys;

    public string? Get(string msgid) =>
        _entries.TryGetValue(msgid, out var forms) && forms[0].Length > 0 ? forms[0] : null;

    public string? GetPlural(string msgid, int count)
    {
        if (!_entries.TryGetValue(msgid, out var forms)) return null;
        var index = Math.Clamp(PluralRule(count), 0, forms.Length - 1);
        return forms[index].Length > 0 ? forms[index] : null;
    }

    public void Load(TextReader reader)
    {
        string? msgid = null;
        var forms = new List<string>();
        string? field = null;
        var buffer = new StringBuilder();

        void EndField()
        {
            if (field is null) return;
            if (field == "msgid") msgid = buffer.ToString();
            else if (field.StartsWith("msgstr", StringComparison.Ordinal)) forms.Add(buffer.ToString());
            field = null;
            buffer.Clear();
        }

        void EndEntry()
        {
            EndField();
            if (!string.IsNullOrEmpty(msgid) && forms.Count > 0) _entries[msgid] = forms.ToArray();
            msgid = null;
            forms.Clear();
        }

        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0) { EndEntry(); continue; }
            if (line.StartsWith('#')) continue;
            if (line.StartsWith('"')) { buffer.Append(Unquote(line)); continue; }
            var space = line.IndexOf(' ');
            if (space < 0) continue;
            var keyword = line[..space];
            if (keyword == "msgid" && forms.Count > 0) EndEntry();
            EndField();
            field = keyword;
            buffer.Append(Unquote(line[(space + 1)..].Trim()));
        }
        EndEntry();
    }

    private static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"') return "";
        var text = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\' || i + 1 >= quoted.Length - 1) { text.Append(c); continue; }
            var next = quoted[++i];
            text.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
        }
        return text.ToString();
    }
}
