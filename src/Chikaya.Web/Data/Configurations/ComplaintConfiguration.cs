using Chikaya.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chikaya.Web.Data.Configurations;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TrackingNumber).HasMaxLength(20);
        builder.HasIndex(c => c.TrackingNumber).IsUnique();
        builder.Property(c => c.SecretCodeHash).HasMaxLength(64);
        builder.Property(c => c.Subject).HasMaxLength(NewComplaint.MaxSubjectLength);
        builder.Property(c => c.Description).HasMaxLength(NewComplaint.MaxDescriptionLength);
        builder.Property(c => c.Address).HasMaxLength(NewComplaint.MaxAddressLength);
        builder.Property(c => c.ContactName).HasMaxLength(NewComplaint.MaxNameLength);
        builder.Property(c => c.ContactEmail).HasMaxLength(256);
        builder.Property(c => c.ContactPhone).HasMaxLength(20);
        builder.Property(c => c.PostalAddress).HasMaxLength(NewComplaint.MaxAddressLength);
        builder.Property(c => c.ExternalReference).HasMaxLength(NewComplaint.MaxReferenceLength);
        builder.HasOne<Domain.Citizens.Citizen>().WithMany().HasForeignKey(c => c.CitizenId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Language).HasMaxLength(5);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.AdministrationId, c.Status, c.ReceivedUtc });
        builder.HasIndex(c => c.ReceivedUtc);
        // covers the dashboard's grouped counts, so they read the index and not the complaints
        builder.HasIndex(c => new { c.ReceivedUtc, c.Channel, c.Status, c.ProcessingDays, c.ThemeId, c.AdministrationId, c.TerritoryId, c.Kind, c.AnsweredUtc, c.SatisfactionScore })
            .HasDatabaseName("IX_Complaints_Dashboard");
        builder.HasIndex(c => c.CitizenUserId);
        builder.HasIndex(c => c.ContactEmail);

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsAnonymous);
        builder.Ignore(c => c.PublicEvents);
        builder.Ignore(c => c.LastCitizenReactionUtc);
        builder.Property(c => c.SatisfactionComment).HasMaxLength(Complaint.MaxRemarkLength);
    }
}

public sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(NewComplaint.MaxDescriptionLength);
        builder.HasIndex(e => new { e.ComplaintId, e.OccurredUtc });
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
    }
}
