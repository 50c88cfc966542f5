namespace PartyAssistant.Outlines;

/// <summary>The outline as a Word document a trainer can edit and print.</summary>
public static class OutlineDocxWriter
{
    public static void Write(SessionOutline outline, Stream stream) => throw new NotImplementedException();
}
