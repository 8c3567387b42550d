// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/batchjobspanel.h"

#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/batch/batchresultsmodel.h"
#include "core/secrets/secretstore.h"
#include "core/tryit/tryitrequest.h"
#include "ui/common/decisions.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/maskedkeyfield.h"
#include "ui/developer/batchjoberrortext.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace portico::ui {

namespace {

enum Target { ThroughGateway, Direct };
enum Storage { Azurite, ConnectionString };
constexpr int IdRole = Qt::UserRole + 1;

QString stepText(core::BatchJobRecord::Step step)
{
    using Step = core::BatchJobRecord::Step;
    switch (step) {
    case Step::Upload: return BatchJobsPanel::tr("Uploading the input");
    case Step::Submit: return BatchJobsPanel::tr("Submitting");
    case Step::Start: return BatchJobsPanel::tr("Starting");
    case Step::Run: return BatchJobsPanel::tr("Running on the service");
    case Step::Download: return BatchJobsPanel::tr("Downloading the results");
    case Step::Index: return BatchJobsPanel::tr("Reading the results");
    case Step::Done: return BatchJobsPanel::tr("Done");
    }
    return {};
}

QString outcomeText(const core::BatchJobRecord &record, bool cancelling = false, bool waiting = false)
{
    using Outcome = core::BatchJobRecord::Outcome;
    switch (record.outcome) {
    case Outcome::Active:
        if (cancelling)
            return BatchJobsPanel::tr("Cancelling…");
        if (waiting && record.serverJobId.isEmpty())
            return BatchJobsPanel::tr("Waiting to carry on (interrupted before it reached the service)");
        if (waiting)
            return BatchJobsPanel::tr("Waiting to check on the service");
        return stepText(record.step);
    case Outcome::Succeeded: return BatchJobsPanel::tr("Finished");
    case Outcome::Failed: return BatchJobErrorText::shortText(record, record.error);
    case Outcome::Cancelled: return BatchJobsPanel::tr("Cancelled");
    }
    return {};
}

// Why an export failed: reading the downloaded results or writing the chosen file, with the
// system's reason; `where` None on success.
struct ExportProblem
{
    enum Where { None, Reading, Writing } where = None;
    QString reason;
};

// Copies the downloaded results to `target` through a QSaveFile, in chunks: the file there is
// replaced only once the whole copy is written, so a failed export leaves it as it was. Runs
// off the UI thread.
ExportProblem exportResultsFile(const QString &source, const QString &target)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return { ExportProblem::Reading, in.errorString() };
    QSaveFile out(target);
    // Unbuffered: a write the disk cuts short is seen here (QSaveFile::commit() does not notice
    // a short final flush of its buffer).
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return { ExportProblem::Writing, out.errorString() };
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 read = in.read(chunk.data(), chunk.size());
        if (read < 0) {
            out.cancelWriting();
            return { ExportProblem::Reading, in.errorString() };
        }
        if (read == 0)
            break;
        // A short write is retried for the rest, which then fails with the reason.
        for (qint64 written = 0; written < read;) {
            const qint64 now = out.write(chunk.constData() + written, read - written);
            if (now <= 0) {
                ExportProblem problem { ExportProblem::Writing, out.errorString() };
                out.cancelWriting();
                return problem;
            }
            written += now;
        }
    }
    if (!out.commit())
        return { ExportProblem::Writing, out.errorString() };
    return {};
}

} // namespace


BatchJobsPanel::BatchJobsPanel(core::BatchJobRunner *runner, core::SecretStore *secrets,
                               const QString &environmentId, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_secrets(secrets)
    , m_environmentId(environmentId)
{
    setObjectName(u"batchJobsPanel"_qs);
    m_input = new QLineEdit(this);
    m_input->setObjectName(u"batchInputLineEdit"_qs);
    m_input->setPlaceholderText(tr("A CSV file with a header row"));
    auto *browse = new QToolButton(this);
    browse->setObjectName(u"batchBrowseToolButton"_qs);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Choose the input CSV"), QString(), tr("CSV files (*.csv);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_input, &QLineEdit::setText);
        dialog->open();
    });
    m_target = new QComboBox(this);
    m_target->setObjectName(u"batchTargetComboBox"_qs);
    m_target->addItem(tr("Through the gateway (BES operations, subscription key)"), ThroughGateway);
    m_target->addItem(tr("Directly to the ML service (its API key)"), Direct);
    m_subscription = new QComboBox(this);
    m_subscription->setObjectName(u"batchSubscriptionComboBox"_qs);
    connect(m_target, &QComboBox::currentIndexChanged, this,
            [this] { m_subscription->setEnabled(m_target->currentData().toInt() == ThroughGateway); });
    m_workspace = new QLineEdit(this);
    m_workspace->setObjectName(u"batchWorkspaceLineEdit"_qs);
    m_service = new QLineEdit(this);
    m_service->setObjectName(u"batchServiceLineEdit"_qs);
    m_storage = new QComboBox(this);
    m_storage->setObjectName(u"batchStorageComboBox"_qs);
    m_storage->addItem(tr("Azurite on this machine (UseDevelopmentStorage=true)"), Azurite);
    m_storage->addItem(tr("Storage account (connection string in the keychain)"), ConnectionString);
    m_connectionString = new MaskedKeyField(u"batchConnectionString"_qs, this);
    m_connectionString->setEditable(true);
    m_connectionString->lineEdit()->setPlaceholderText(tr("Leave empty to use the one in the keychain"));
    m_connectionString->setEnabled(false);
    connect(m_storage, &QComboBox::currentIndexChanged, this,
            [this] { m_connectionString->setEnabled(m_storage->currentData().toInt() == ConnectionString); });
    m_container = new QLineEdit(u"portico-batch"_qs, this);
    m_container->setObjectName(u"batchContainerLineEdit"_qs);

    m_submit = new QPushButton(tr("&Submit and start"), this);
    m_submit->setObjectName(u"batchSubmitPushButton"_qs);
    m_cancel = new QPushButton(tr("Cance&l job"), this);
    m_cancel->setObjectName(u"batchCancelPushButton"_qs);
    m_retry = new QPushButton(tr("Re&try"), this);
    m_retry->setObjectName(u"batchRetryPushButton"_qs);
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(u"batchRemovePushButton"_qs);
    m_remove->setToolTip(tr("Remove the job from the list, with its downloaded results"));
    m_export = new QPushButton(tr("Ex&port CSV…"), this);
    m_export->setObjectName(u"batchExportPushButton"_qs);
    connect(m_submit, &QPushButton::clicked, this, &BatchJobsPanel::submit);
    connect(m_cancel, &QPushButton::clicked, this, &BatchJobsPanel::cancelCurrent);
    connect(m_retry, &QPushButton::clicked, this, &BatchJobsPanel::retryCurrent);
    connect(m_remove, &QPushButton::clicked, this, &BatchJobsPanel::removeCurrent);
    connect(m_export, &QPushButton::clicked, this, &BatchJobsPanel::exportResults);

    m_jobs = new QTreeWidget(this);
    m_jobs->setObjectName(u"batchJobsTreeWidget"_qs);
    m_jobs->setRootIsDecorated(false);
    m_jobs->setHeaderLabels({ tr("Job"), tr("State"), tr("Server status") });
    connect(m_jobs, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            watch(item->data(0, IdRole).toString());
    });
    m_state = new QLabel(this);
    m_state->setObjectName(u"batchStateLabel"_qs);
    m_state->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"batchProgressBar"_qs);
    m_results = new QTableView(this);
    m_results->setObjectName(u"batchResultsTableView"_qs);
    m_results->setSortingEnabled(false);
    m_results->horizontalHeader()->setStretchLastSection(true);

    m_messages = new FieldMessages(this);
    auto *form = new QFormLayout;
    // Each field with its message below it (shown when a submit is refused for it); the label's
    // accelerator goes to `focus`, the field itself, or the line edit of a row with a button.
    auto addRow = [this, form](const QString &label, QWidget *field, QWidget *focus, const QString &target,
                               const QString &messageName) {
        auto *box = new QWidget(this);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        boxLayout->addWidget(field);
        boxLayout->addWidget(m_messages->addField({ target }, messageName, box));
        auto *text = new QLabel(label, this);
        text->setBuddy(focus);
        form->addRow(text, box);
        m_fields.insert(target, focus);
    };
    auto *inputRow = new QWidget(this);
    auto *inputRowLayout = new QHBoxLayout(inputRow);
    inputRowLayout->setContentsMargins(0, 0, 0, 0);
    inputRowLayout->addWidget(m_input, 1);
    inputRowLayout->addWidget(browse);
    addRow(tr("&Input CSV:"), inputRow, m_input, u"inputFile"_qs, u"batchInputMessageLabel"_qs);
    form->addRow(tr("Sen&d:"), m_target);
    addRow(tr("S&ubscription:"), m_subscription, m_subscription, u"credentialKey"_qs,
           u"batchSubscriptionMessageLabel"_qs);
    addRow(tr("&Workspace:"), m_workspace, m_workspace, u"workspace"_qs, u"batchWorkspaceMessageLabel"_qs);
    addRow(tr("Servi&ce:"), m_service, m_service, u"service"_qs, u"batchServiceMessageLabel"_qs);
    addRow(tr("Stor&age:"), m_storage, m_storage, u"storageSecretKey"_qs, u"batchStorageMessageLabel"_qs);
    auto *connectionLabel = new QLabel(tr("Connection strin&g:"), this);
    connectionLabel->setBuddy(m_connectionString->lineEdit()); // not the field around it, which takes no focus
    form->addRow(connectionLabel, m_connectionString);
    addRow(tr("Co&ntainer:"), m_container, m_container, u"container"_qs, u"batchContainerMessageLabel"_qs);
    // Editing a field takes its message away.
    connect(m_input, &QLineEdit::textEdited, this, [this] { m_messages->setMessage(u"inputFile"_qs, {}); });
    connect(m_workspace, &QLineEdit::textEdited, this, [this] { m_messages->setMessage(u"workspace"_qs, {}); });
    connect(m_service, &QLineEdit::textEdited, this, [this] { m_messages->setMessage(u"service"_qs, {}); });
    connect(m_container, &QLineEdit::textEdited, this, [this] { m_messages->setMessage(u"container"_qs, {}); });
    connect(m_subscription, &QComboBox::currentIndexChanged, this,
            [this] { m_messages->setMessage(u"credentialKey"_qs, {}); });
    connect(m_storage, &QComboBox::currentIndexChanged, this,
            [this] { m_messages->setMessage(u"storageSecretKey"_qs, {}); });
    connect(m_target, &QComboBox::currentIndexChanged, this,
            [this] { m_messages->setMessage(u"credentialKey"_qs, {}); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_export);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(form);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_jobs, 1);
    topLayout->addWidget(m_state);
    topLayout->addWidget(m_progress);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_results);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    if (m_runner)
        connect(m_runner, &core::BatchJobRunner::jobsChanged, this, &BatchJobsPanel::reloadJobs);
    reloadJobs();
    showJobState();
}

BatchJobsPanel::~BatchJobsPanel() = default;

void BatchJobsPanel::setGateway(const QUrl &gatewayUrl, const QString &apiPath, const QString &pinnedSha256)
{
    m_gatewayUrl = gatewayUrl;
    m_apiPath = apiPath;
    m_gatewayPin = pinnedSha256;
}

void BatchJobsPanel::setDirectService(const QUrl &baseUrl, const QString &apiKeySecretKey)
{
    m_directUrl = baseUrl;
    m_directKeySecret = apiKeySecretKey;
}

void BatchJobsPanel::setSubscriptions(const QList<SubscriptionChoice> &subscriptions, KeyStorer storeKey)
{
    m_storeKey = std::move(storeKey);
    const QString current = m_subscription->currentData().toString();
    m_subscription->clear();
    for (const SubscriptionChoice &choice : subscriptions)
        m_subscription->addItem(choice.productName.isEmpty() ? choice.displayName
                                                             : tr("%1 — %2").arg(choice.displayName, choice.productName),
                                choice.id);
    const int again = m_subscription->findData(current);
    m_subscription->setCurrentIndex(again >= 0 ? again : 0);
}

void BatchJobsPanel::setWorkspaceAndService(const QString &workspace, const QString &service)
{
    m_workspace->setText(workspace);
    m_service->setText(service);
}

void BatchJobsPanel::storeConnectionString(const std::function<void()> &then)
{
    const QString typed = m_connectionString->secret().trimmed();
    const bool azurite = m_storage->currentData().toInt() == Azurite;
    if (!azurite && typed.isEmpty()) {
        then(); // the one already in the keychain
        return;
    }
    core::SecretJob *job = m_secrets->write(core::SecretStore::makeKey(m_environmentId, azurite ? u"batch/azurite"_qs
                                                                                                : u"batch/storage"_qs),
                                            azurite ? u"UseDevelopmentStorage=true"_qs : typed);
    connect(job, &core::SecretJob::finished, this, [this, job, then] {
        if (!job->result()) {
            showProblem(tr("The connection string could not be kept in the keychain.") + u' '
                            + BatchJobErrorText::reason(job->result().error()),
                        job->result().error());
            return;
        }
        m_connectionString->clear();
        then();
    });
}

void BatchJobsPanel::submit()
{
    if (!m_runner || !m_secrets)
        return;
    m_messages->clear();
    const bool gateway = m_target->currentData().toInt() == ThroughGateway;
    storeConnectionString([this, gateway] {
        if (!gateway) {
            submitWith(m_directKeySecret);
            return;
        }
        const QString sid = m_subscription->currentData().toString();
        if (sid.isEmpty() || !m_storeKey) {
            core::Error error = core::Error::make(core::Error::Kind::InvalidInput, u"No subscription is chosen."_qs);
            error.target = u"credentialKey"_qs;
            showFieldProblem(tr("Choose the subscription whose key the gateway should see."), error);
            return;
        }
        m_submit->setEnabled(false);
        m_storeKey(sid, this, [this](const core::Result<QString> &secretKey) {
            m_submit->setEnabled(true);
            if (!secretKey) {
                showProblem(tr("The subscription key could not be read.") + u' '
                                + BatchJobErrorText::reason(secretKey.error()),
                            secretKey.error());
                return;
            }
            submitWith(secretKey.value());
        });
    });
}

void BatchJobsPanel::submitWith(const QString &credentialKey)
{
    const bool gateway = m_target->currentData().toInt() == ThroughGateway;
    const bool azurite = m_storage->currentData().toInt() == Azurite;
    core::BatchJobSpec spec;
    spec.name = QFileInfo(m_input->text()).fileName();
    spec.inputFile = m_input->text().trimmed();
    spec.container = m_container->text().trimmed();
    spec.storageSecretKey = core::SecretStore::makeKey(m_environmentId, azurite ? u"batch/azurite"_qs : u"batch/storage"_qs);
    spec.endpoint.target = gateway ? core::BesEndpoint::Target::Gateway : core::BesEndpoint::Target::Direct;
    if (gateway) {
        spec.endpoint.baseUrl = core::apiBaseUrl(m_gatewayUrl, m_apiPath);
        spec.endpoint.pinnedCertificateSha256 = m_gatewayPin;
    } else {
        spec.endpoint.baseUrl = m_directUrl;
    }
    spec.endpoint.credentialKey = credentialKey;
    spec.endpoint.workspace = m_workspace->text().trimmed();
    spec.endpoint.service = m_service->text().trimmed();
    auto job = m_runner->submit(spec);
    if (!job) {
        showFieldProblem(BatchJobErrorText::submitRefused(job.error(), spec.inputFile, spec.container), job.error());
        return;
    }
    watch(job.value()->id());
}

void BatchJobsPanel::watch(const QString &id)
{
    if (!m_runner)
        return;
    auto job = m_runner->watch(id);
    if (!job) {
        showProblem(job.error().kind == core::Error::Kind::NotFound
                        ? tr("This job is no longer in the list.")
                        : tr("This job cannot be shown.") + u' ' + BatchJobErrorText::reason(job.error()),
                    job.error());
        return;
    }
    bind(job.value());
}

void BatchJobsPanel::bind(core::BatchJob *job)
{
    if (m_job == job) {
        showJobState();
        return;
    }
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    connect(m_job, &core::BatchJob::stepChanged, this, &BatchJobsPanel::showJobState);
    connect(m_job, &core::BatchJob::statusChanged, this, &BatchJobsPanel::showJobState);
    connect(m_job, &core::BatchJob::cancelling, this, &BatchJobsPanel::showJobState);
    connect(m_job, &core::BatchJob::finished, this, &BatchJobsPanel::showJobState);
    connect(m_job, &core::BatchJob::progress, this, [this](qint64 done, qint64 total) {
        if (total <= 0) {
            m_progress->setRange(0, 0); // busy: the service reports no progress while it runs
            return;
        }
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(done * 1000 / total));
    });
    showJobState();
}

void BatchJobsPanel::showJobState()
{
    const bool running = m_job && m_job->isRunning();
    m_cancel->setEnabled(running && !m_job->isCancelling());
    m_retry->setEnabled(m_job && m_job->isFinished() && m_job->record().canRetry());
    // A job whose submit may have reached the service (interrupted, or no answer came) is sent
    // again only on the user's word, and the button says what it does.
    if (m_job && m_job->isFinished() && m_job->record().submitMayHaveReachedService()) {
        m_retry->setText(tr("Submi&t again"));
        m_retry->setToolTip(tr("Submit the job to the service again. A job from the interrupted submit may stay "
                               "there, never started."));
    } else {
        m_retry->setText(tr("Re&try"));
        m_retry->setToolTip(tr("Run the job again from the step that failed"));
    }
    m_remove->setEnabled(m_job != nullptr); // also while the service is asked to cancel: "Remove here only"
    m_submit->setEnabled(m_runner && m_secrets);
    m_export->setEnabled(m_job && m_job->resultsModel());
    if (!m_job) {
        m_state->setText(tr("No job selected."));
        m_state->setToolTip({});
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_results->setModel(nullptr);
        return;
    }
    const core::BatchJobRecord &record = m_job->record();
    QString text = tr("%1: %2").arg(record.name, outcomeText(record, m_job->isCancelling()));
    if (!record.serverStatus.isEmpty())
        text += tr(" (service: %1)").arg(record.serverStatus);
    QString technical;
    if (m_job->isFinished() && !m_job->result()) {
        const core::Error &error = m_job->result().error();
        if (record.outcome == core::BatchJobRecord::Outcome::Failed) {
            text = tr("%1: %2").arg(record.name, BatchJobErrorText::describe(record, error));
            if (const QString said = BatchJobErrorText::serviceSays(error); !said.isEmpty())
                text += u'\n' + said;
        } else if (error.kind != core::Error::Kind::Cancelled) {
            text = tr("%1: Cancelled here, but the service did not cancel the job.").arg(record.name) + u' '
                + BatchJobErrorText::reason(error);
        }
        technical = BatchJobErrorText::technical(error);
    }
    m_state->setText(text);
    m_state->setToolTip(technical);
    if (!running) {
        m_progress->setRange(0, 1);
        m_progress->setValue(record.outcome == core::BatchJobRecord::Outcome::Succeeded ? 1 : 0);
    }
    if (m_results->model() != m_job->resultsModel())
        m_results->setModel(m_job->resultsModel());
    reloadJobs();
}

void BatchJobsPanel::reloadJobs()
{
    if (!m_runner)
        return;
    const QString current = m_job ? m_job->id() : QString();
    const QSignalBlocker blocker(m_jobs);
    m_jobs->clear();
    for (const core::BatchJobRecord &record : m_runner->jobs()) {
        const bool cancelling = m_job && record.id == current && m_job->isCancelling();
        const bool waiting = m_runner->isWaitingToResume(record.id);
        auto *item = new QTreeWidgetItem(m_jobs, { record.name, outcomeText(record, cancelling, waiting),
                                                   record.serverStatus });
        if (record.outcome == core::BatchJobRecord::Outcome::Failed)
            item->setToolTip(1, BatchJobErrorText::describe(record, record.error));
        item->setData(0, IdRole, record.id);
        if (record.id == current)
            m_jobs->setCurrentItem(item);
    }
}

void BatchJobsPanel::cancelCurrent()
{
    if (m_job)
        m_job->cancel();
}

void BatchJobsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) // the list and the state are words made here
        showJobState();
}

void BatchJobsPanel::showProblem(const QString &text, const core::Error &error)
{
    m_state->setText(text);
    m_state->setToolTip(BatchJobErrorText::technical(error));
}

void BatchJobsPanel::showFieldProblem(const QString &text, const core::Error &error)
{
    QWidget *field = error.kind == core::Error::Kind::InvalidInput ? m_fields.value(error.target) : nullptr;
    if (!field || !field->isEnabled()) {
        showProblem(tr("The job was not started.") + u' ' + text, error);
        return;
    }
    m_messages->setMessage(error.target, text);
    showProblem(tr("The job was not started: see the marked field."), error);
    field->setFocus(Qt::OtherFocusReason);
}

void BatchJobsPanel::retryCurrent()
{
    if (!m_job || !m_runner)
        return;
    auto job = m_runner->retry(m_job->id());
    if (!job) {
        showProblem(job.error().kind == core::Error::Kind::NotFound
                        ? tr("This job is no longer in the list.")
                        : tr("This job cannot be run again: the service itself failed it."),
                    job.error());
        return;
    }
    bind(job.value());
}

void BatchJobsPanel::removeCurrent()
{
    if (!m_job || !m_runner)
        return;
    const core::BatchJobRecord &record = m_job->record();
    const QString id = record.id;
    const QString name = record.name;
    QPointer<BatchJobsPanel> guard(this);
    if (m_job->isRemoving() || m_job->isCancelling()) {
        // The service has not answered the cancel yet (it may be unreachable).
        decisions::confirm(this, tr("Remove batch job"),
                           tr("“%1” is being cancelled on the service, which has not answered yet.\n\nRemove here "
                              "only drops the entry and its downloaded results from this list without contacting "
                              "the service: a job running there goes on until it ends, and its input and results "
                              "stay in the storage container “%2”.")
                               .arg(name, record.container),
                           tr("Remove &here only"), [guard, id, name](bool accepted) {
                               if (guard && accepted)
                                   guard->removeConfirmed(id, name, true);
                           });
        return;
    }
    if (record.mayRunOnService()) {
        decisions::choose(this, tr("Remove batch job"),
                          tr("“%1” may still be running on the service. Cancel it there first (the service "
                             "deletes the job) and remove it from the list?\n\nIf the service cannot be reached, "
                             "Remove here only drops the entry and its downloaded results from this list without "
                             "contacting the service: a job running there goes on until it ends, and its input "
                             "and results stay in the storage container “%2”.")
                              .arg(name, record.container),
                          tr("Cancel on the service and &remove"), tr("Remove &here only"),
                          [guard, id, name](decisions::Answer answer) {
                              if (guard && answer != decisions::Answer::Rejected)
                                  guard->removeConfirmed(id, name, answer == decisions::Answer::Alternative);
                          });
        return;
    }
    QString text;
    QString accept;
    if (m_job->isRunning()) {
        text = tr("“%1” is still in progress. Stop it and remove it from the list?").arg(name);
        accept = tr("Stop and &remove");
    } else if (record.submitMayHaveReachedService()) {
        text = tr("Remove “%1” from the list? A job the service may hold from the interrupted submit stays there: "
                  "it was never started and cannot be listed.")
                   .arg(name);
        accept = tr("&Remove");
    } else {
        text = tr("Remove “%1” from the list? Its downloaded results are deleted too.").arg(name);
        accept = tr("&Remove");
    }
    decisions::confirm(this, tr("Remove batch job"), text, accept, [guard, id, name](bool accepted) {
        if (guard && accepted)
            guard->removeConfirmed(id, name, false);
    });
}

void BatchJobsPanel::removeConfirmed(const QString &id, const QString &name, bool hereOnly)
{
    if (!m_runner)
        return;
    auto removing = hereOnly ? m_runner->removeHereOnly(id) : m_runner->remove(id);
    if (!removing) {
        showProblem(tr("“%1” could not be removed.").arg(name) + u' ' + BatchJobErrorText::reason(removing.error()),
                    removing.error());
        return;
    }
    core::BatchJob *job = removing.value();
    const QString container = job->record().container;
    if (job == m_job)
        m_state->setText(tr("Removing “%1”…").arg(name));
    disconnect(job, &core::BatchJob::removed, this, nullptr); // "here only" after a remove that waited
    connect(job, &core::BatchJob::removed, this, [this, job, name, hereOnly, container] {
        if (m_job == job) {
            disconnect(job, nullptr, this, nullptr);
            m_job = nullptr;
            showJobState();
        }
        const core::Result<void> &removal = job->removalResult();
        if (!removal.ok()) {
            showProblem(BatchJobErrorText::removalProblem(name, removal.error()), removal.error());
        } else if (hereOnly) {
            m_state->setText(tr("Removed “%1” here only. The service was not contacted: a job running there goes "
                                "on, and its input and results stay in the storage container “%2”.")
                                 .arg(name, container));
            m_state->setToolTip({});
        } else {
            m_state->setText(tr("Removed “%1”.").arg(name));
            m_state->setToolTip({});
        }
    });
}

void BatchJobsPanel::exportResults()
{
    if (!m_job || !m_job->resultsModel())
        return;
    const QString source = m_job->record().resultsFile;
    auto *dialog = new QFileDialog(this, tr("Export the results as CSV"), m_job->record().name + u"-results.csv"_qs,
                                   tr("CSV files (*.csv);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"batchExportFileDialog"_qs);
    connect(dialog, &QFileDialog::fileSelected, this, [this, source](const QString &target) {
        m_state->setText(tr("Exporting the results to %1…").arg(target));
        // A million rows are tens of megabytes: copied off the UI thread.
        QPointer<BatchJobsPanel> guard(this);
        QThreadPool::globalInstance()->start([guard, source, target] {
            const ExportProblem problem = exportResultsFile(source, target);
            QMetaObject::invokeMethod(qApp, [guard, problem, source, target] {
                if (!guard)
                    return;
                switch (problem.where) {
                case ExportProblem::None:
                    guard->m_state->setText(tr("Exported the results to %1.").arg(target));
                    break;
                case ExportProblem::Reading:
                    guard->m_state->setText(tr("Could not export the results: the downloaded results %1 "
                                               "cannot be read: %2")
                                                .arg(source, problem.reason));
                    break;
                case ExportProblem::Writing:
                    guard->m_state->setText(
                        tr("Could not export the results to %1: %2").arg(target, problem.reason));
                    break;
                }
            });
        });
    });
    dialog->open();
}

} // namespace portico::ui
