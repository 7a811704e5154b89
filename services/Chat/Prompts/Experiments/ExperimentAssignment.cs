using System.Buffers.Binary;
using System.Security.Cryptography;
using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// Assigns a user to a variant from nothing but the experiment id and the user id: SHA-256 of both, its first four bytes
/// modulo 100 is the user's bucket, and the variants take consecutive bucket ranges by weight. No randomness and no
/// process state, so every replica (and a restarted one) puts a user in the same variant; moving weights from 1 to 5 to
/// 25 % with two variants only moves users from the first variant into the second.
/// </summary>
public static class ExperimentAssignment
{
    public const int Buckets = 100;

    public static int BucketOf(Guid experimentId, Guid userId)
    {
        Span<byte> input = stackalloc byte[32];
        experimentId.TryWriteBytes(input[..16], bigEndian: true, out _);
        userId.TryWriteBytes(input[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % Buckets);
    }

    /// <summary>The variant of <paramref name="userId"/>; the weights sum to 100 (validated when set).</summary>
    public static ExperimentVariant Pick(Guid experimentId, IReadOnlyList<ExperimentVariant> variants, Guid userId)
    {
        var bucket = BucketOf(experimentId, userId);
        var upTo = 0;
        foreach (var variant in variants)
        {
            upTo += variant.Weight;
            if (bucket < upTo)
            {
                return variant;
            }
        }
        return variants[^1];
    }
}
