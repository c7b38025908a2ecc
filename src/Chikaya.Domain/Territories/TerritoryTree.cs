namespace Chikaya.Domain.Territories;

/// <summary>The territories as a tree, to walk from an arrondissement up to its region.</summary>
public sealed class TerritoryTree(IEnumerable<Territory> territories)
{
    private readonly Dictionary<string, Territory> _byCode = territories.ToDictionary(t => t.Code);

    /// <summary>The territory itself first, then each enclosing one up to the region.</summary>
    public IReadOnlyList<Territory> SelfAndAncestors(string code)
    {
        var chain = new List<Territory>();
        var current = _byCode.GetValueOrDefault(code);
        while (current is not null && chain.Count < 16 && !chain.Contains(current))
        {
            chain.Add(current);
            current = current.ParentCode is { } parent ? _byCode.GetValueOrDefault(parent) : null;
        }
        return chain;
    }

    /// <summary>The territory and every territory below it.</summary>
    public IReadOnlySet<string> SelfAndDescendants(string code)
    {
        var children = _byCode.Values.Where(t => t.ParentCode is not null).ToLookup(t => t.ParentCode!);
        var result = new HashSet<string>();
        var pending = new Stack<string>([code]);
        while (pending.TryPop(out var next))
        {
            if (!result.Add(next)) continue;
            foreach (var child in children[next]) pending.Push(child.Code);
        }
        return result;
    }
}
