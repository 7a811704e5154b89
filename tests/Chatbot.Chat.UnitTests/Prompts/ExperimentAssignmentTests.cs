using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Prompts.Experiments;

namespace Chatbot.Chat.UnitTests.Prompts;

public sealed class ExperimentAssignmentTests
{
    private static readonly Guid Experiment = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");

    [Fact]
    public void A_bucket_is_a_fixed_function_of_the_experiment_and_user_ids()
    {
        // The same ids give the same bucket (no seed, no process state): every replica agrees.
        Assert.Equal(ExperimentAssignment.BucketOf(Experiment, Guid.Parse("00000000-0000-0000-0000-000000000001")),
            ExperimentAssignment.BucketOf(Experiment, Guid.Parse("00000000-0000-0000-0000-000000000001")));
        var buckets = Enumerable.Range(0, 10_000).Select(i => ExperimentAssignment.BucketOf(Experiment, Guid.NewGuid())).ToList();
        Assert.All(buckets, b => Assert.InRange(b, 0, 99));
        // Roughly uniform: each decile holds 10 % of 10,000 users, give or take 2 %.
        Assert.All(buckets.GroupBy(b => b / 10), g => Assert.InRange(g.Count(), 800, 1200));
    }

    [Fact]
    public void Weights_split_users_in_proportion_and_growing_the_second_only_moves_users_into_it()
    {
        var users = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToList();
        List<ExperimentVariant> At(int second) => [new("A", 1, 100 - second), new("B", 2, second)];
        var inB = new Dictionary<int, HashSet<Guid>>();
        foreach (var step in new[] { 1, 5, 25, 100 })
        {
            inB[step] = [.. users.Where(u => ExperimentAssignment.Pick(Experiment, At(step), u).Name == "B")];
        }
        Assert.InRange(inB[5].Count, 300, 700);
        Assert.InRange(inB[25].Count, 2200, 2800);
        Assert.Equal(users.Count, inB[100].Count);
        Assert.Subset(inB[5], inB[1]);
        Assert.Subset(inB[25], inB[5]);
    }

    [Fact]
    public void Different_experiments_split_the_same_users_independently()
    {
        var users = Enumerable.Range(0, 2_000).Select(_ => Guid.NewGuid()).ToList();
        var other = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");
        var same = users.Count(u => ExperimentAssignment.BucketOf(Experiment, u) / 50 == ExperimentAssignment.BucketOf(other, u) / 50);
        Assert.InRange(same, 800, 1200);
    }
}
