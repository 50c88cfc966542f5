namespace PartyAssistant.Outlines;

/// <summary>An outline that cannot be made as asked (unknown document, minutes out of range); the message is for the user, in Vietnamese.</summary>
public sealed class OutlineRequestException(string message) : Exception(message);
