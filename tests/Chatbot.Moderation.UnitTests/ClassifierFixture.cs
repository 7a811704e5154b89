using Chatbot.Moderation.Detectors.Injection;

namespace Chatbot.Moderation.UnitTests;

/// <summary>Trains the classifier once for all tests of a class (about a second).</summary>
public sealed class ClassifierFixture : IDisposable
{
    public InjectionClassifier Classifier { get; } = new();

    public void Dispose() => Classifier.Dispose();
}
