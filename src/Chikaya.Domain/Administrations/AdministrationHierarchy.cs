namespace Chikaya.Domain.Administrations;

/// <summary>Who is above whom: the path escalation climbs, and what a supervisor oversees.</summary>
public sealed class AdministrationHierarchy(IEnumerable<(int Id, int? ParentId)> administrations)
{
    private readonly Dictionary<int, int?> _parents = administrations.ToDictionary(a => a.Id, a => a.ParentId);

    public IReadOnlyList<int> Ancestors(int id)
    {
        var chain = new List<int>();
        var current = _parents.GetValueOrDefault(id);
        while (current is { } parent && !chain.Contains(parent) && parent != id)
        {
            chain.Add(parent);
            current = _parents.GetValueOrDefault(parent);
        }
        return chain;
    }

    public IReadOnlySet<int> SelfAndDescendants(int id)
    {
        var children = _parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
        var result = new HashSet<int>();
        var pending = new Stack<int>([id]);
        while (pending.TryPop(out var next))
        {
            if (!result.Add(next)) continue;
            foreach (var child in children[next]) pending.Push(child);
        }
        return result;
    }

    /// <summary>True when making <paramref name="parentId"/> the parent of <paramref name="id"/> would close a loop.</summary>
    public bool WouldCreateCycle(int id, int? parentId) =>
        parentId is { } parent && (parent == id || SelfAndDescendants(id).Contains(parent));
}
