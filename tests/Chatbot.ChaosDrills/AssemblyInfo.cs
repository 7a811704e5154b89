// The drills share one running system and inject faults into it: they must never overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
