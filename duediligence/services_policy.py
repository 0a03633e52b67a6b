"""Writes of the policy (1A) and of evidence files that touch more than one row or a file.

- ``add_policy_version``: the next version number of a plan's policy (created if needed),
  the version and its evidence file, all or nothing. Two people saving at the same moment get
  numbers one after the other: the policy row is locked while the number is chosen.
- ``add_evidence``: one more file for a policy version.
- ``delete_evidence``: the row now, the stored file once the deletion is committed.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import evidence
from .models import Policy


def policy_of(plan):
    """The plan's policy row, or an unsaved one to show and fill in (nothing is written)."""
    policy = Policy.objects.filter(plan=plan).first()
    return policy or Policy(plan=plan, organisation_id=plan.organisation_id)


@contextmanager
def _files_kept_only_on_success(stored):
    """Files saved inside the block are removed again when the block fails, so a failed
    save leaves no file without its row behind."""
    try:
        yield
    except BaseException:
        for file in stored:
            file.storage.delete(file.name)
        raise


def add_policy_version(plan, version, user, uploaded=None):
    """Save ``version`` (an unsaved PolicyVersion from the form) as the next version of the
    plan's policy, with ``uploaded`` as its evidence file when given."""
    stored = []
    with _files_kept_only_on_success(stored), transaction.atomic():
        policy, _created = Policy.objects.get_or_create(
            plan=plan, defaults={"organisation_id": plan.organisation_id}
        )
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        last = policy.versions.aggregate(last=Max("number"))["last"] or 0
        version.policy = policy
        version.organisation_id = plan.organisation_id
        version.number = last + 1
        version.created_by = user
        version.created_at = timezone.now()
        version.save()
        if uploaded:
            stored.append(evidence.attach(uploaded, user=user, policy_version=version).file)
        policy.updated_at = timezone.now()
        policy.save(update_fields=["updated_at"])
    return version


def add_evidence(uploaded, user, **owner):
    """One more evidence file for ``owner`` (e.g. ``policy_version=version``)."""
    stored = []
    with _files_kept_only_on_success(stored), transaction.atomic():
        row = evidence.attach(uploaded, user=user, **owner)
        stored.append(row.file)
    return row


@transaction.atomic
def delete_evidence(row):
    """Delete the row; the stored file goes once the deletion is committed."""
    file_name, storage = row.file.name, row.file.storage
    row.delete()
    transaction.on_commit(lambda: storage.delete(file_name))
