package dev.automateos.server.config;

/** A setting that is missing or wrong. Start-up reports it as one line naming the setting. */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The environment variable spelling of the setting, which most users set. */
    public String environmentName() {
        return setting.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
