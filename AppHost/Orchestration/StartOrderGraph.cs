using Chatbot.AppHost.Hosting;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// Which services must be healthy before a service starts (its service references that are part of this run), and
/// the resulting waves: identity first, then the services that only need identity, then chat.
/// </summary>
public sealed class StartOrderGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> _dependencies;

    public StartOrderGraph(IEnumerable<ProjectResource> services)
    {
        var selected = services.ToList();
        var names = selected.Select(s => s.Name).ToHashSet();
        _dependencies = selected.ToDictionary(
            s => s.Name,
            s => (IReadOnlyList<string>)[.. s.ServiceReferences.Select(r => r.Name).Where(names.Contains)]);
        Waves = ComputeWaves();
    }

    /// <summary>Groups that can start in parallel, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves { get; }

    public IReadOnlyList<string> DependenciesOf(string service) => _dependencies[service];

    private List<IReadOnlyList<string>> ComputeWaves()
    {
        var waves = new List<IReadOnlyList<string>>();
        var placed = new HashSet<string>();
        while (placed.Count < _dependencies.Count)
        {
            var wave = _dependencies
                .Where(d => !placed.Contains(d.Key) && d.Value.All(placed.Contains))
                .Select(d => d.Key)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (wave.Count == 0)
            {
                var cycle = string.Join(", ", _dependencies.Keys.Where(k => !placed.Contains(k)));
                throw new InvalidOperationException($"Service references form a cycle: {cycle}.");
            }
            placed.UnionWith(wave);
            waves.Add(wave);
        }
        return waves;
    }
}
